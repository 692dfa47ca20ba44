#!/usr/bin/env bash
# Renders every bundled theme at 256 and 16 colours into PNGs here.
# Usage: themes/screenshots/make.sh [path/to/exocall]
# Needs tmux, Pillow (pip install pillow) and the xterm-16color terminfo (Debian: ncurses-term).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
exocall=${1:-$root/.build/debug/exocall}
socket="exocall-shots-$$"
home=$(mktemp -d)
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$home"' EXIT
for theme in default light high-contrast solarized-dark monochrome; do
  for term in xterm-256color xterm-16color; do
    depth=$([ "$term" = xterm-256color ] && echo 256 || echo 16)
    # tmux sets TERM to its own default-terminal, so the pane's command sets it.
    tmux -L "$socket" -f /dev/null new-session -d -x 120 -y 40 -e LANG=C.UTF-8 -e HOME="$home" \
      "TERM=$term exec $exocall --demo --theme $theme --load $root/examples/spec-example.json"
    sleep 1
    tmux -L "$socket" send-keys F5; sleep 0.3; tmux -L "$socket" send-keys Enter; sleep 0.6
    tmux -L "$socket" send-keys Escape; sleep 0.2
    tmux -L "$socket" send-keys Tab Tab Tab Tab Tab Tab; tmux -L "$socket" send-keys -l 5; sleep 0.4
    tmux -L "$socket" capture-pane -p -e > "$home/capture.txt"
    tmux -L "$socket" kill-server
    light=$([ "$theme" = light ] && echo --light || true)
    python3 "$here/render.py" "$home/capture.txt" "$here/$theme-$depth.png" $light
    echo "$here/$theme-$depth.png"
  done
done
