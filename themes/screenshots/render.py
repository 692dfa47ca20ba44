#!/usr/bin/env python3
"""Turns `tmux capture-pane -p -e` output (ANSI SGR colours) into a PNG.

Usage: render.py CAPTURE.txt OUT.png [--light]
--light paints the terminal's own background white (for the light theme).
Needs Pillow (pip install pillow) and the DejaVu Sans Mono font.
"""
import re
import sys
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
BASIC = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
         (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]


def xterm(index):
    if index < 16:
        return BASIC[index]
    if index < 232:
        steps = [0, 95, 135, 175, 215, 255]
        cube = index - 16
        return (steps[cube // 36], steps[cube // 6 % 6], steps[cube % 6])
    grey = 8 + (index - 232) * 10
    return (grey, grey, grey)


def main():
    source, target = sys.argv[1], sys.argv[2]
    light = "--light" in sys.argv
    default_fg, default_bg = ((30, 30, 30), (250, 250, 250)) if light else ((208, 208, 208), (28, 28, 28))
    lines = open(source, encoding="utf-8").read().rstrip("\n").split("\n")
    font, bold_font = ImageFont.truetype(FONT, 15), ImageFont.truetype(BOLD, 15)
    cell_w, cell_h = 9, 19
    cols = 120
    image = Image.new("RGB", (cols * cell_w + 16, len(lines) * cell_h + 16), default_bg)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        fg, bg, bold, dim, reverse, underline = None, None, False, False, False, False
        col = 0
        for token in re.split(r"(\x1b\[[0-9;]*m)", line):
            if token.startswith("\x1b["):
                codes = [int(c) if c else 0 for c in token[2:-1].split(";")]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0:
                        fg, bg, bold, dim, reverse, underline = None, None, False, False, False, False
                    elif c == 1: bold = True
                    elif c == 2: dim = True
                    elif c == 4: underline = True
                    elif c == 7: reverse = True
                    elif c == 22: bold = dim = False
                    elif c == 24: underline = False
                    elif c == 27: reverse = False
                    elif 30 <= c <= 37: fg = BASIC[c - 30]
                    elif 90 <= c <= 97: fg = BASIC[c - 90 + 8]
                    elif 40 <= c <= 47: bg = BASIC[c - 40]
                    elif 100 <= c <= 107: bg = BASIC[c - 100 + 8]
                    elif c == 39: fg = None
                    elif c == 49: bg = None
                    elif c in (38, 48) and i + 1 < len(codes):
                        if codes[i + 1] == 5:
                            color = xterm(codes[i + 2]); i += 2
                        else:
                            color = tuple(codes[i + 2:i + 5]); i += 4
                        if c == 38: fg = color
                        else: bg = color
                    i += 1
                continue
            for ch in token:
                f, b = fg or default_fg, bg or default_bg
                if reverse: f, b = b, f
                if dim: f = tuple((x + y) // 2 for x, y in zip(f, b))
                x, y = 8 + col * cell_w, 8 + row * cell_h
                draw.rectangle([x, y, x + cell_w - 1, y + cell_h - 1], fill=b)
                draw.text((x, y + 1), ch, font=bold_font if bold else font, fill=f)
                if underline: draw.line([x, y + cell_h - 2, x + cell_w - 1, y + cell_h - 2], fill=f)
                col += 1
    image.save(target)


main()
