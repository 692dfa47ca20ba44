import Foundation
import XCTest

/// The built binary keeps its hardening (issue #32): position-independent (ASLR moves its
/// own image), full RELRO and BIND_NOW. The linker flags are the same for debug and
/// release builds, so the binary beside the tests stands for both.
final class ElfHardeningTests: XCTestCase {
    func testTheBinaryIsPositionIndependentWithFullRELRO() throws {
        let elf = try ElfFile(path: exocallBinary.path)
        XCTAssertEqual(elf.type, 3, "e_type: 3 (ET_DYN) is a PIE; 2 (ET_EXEC) sits at a fixed address")
        XCTAssertTrue(elf.hasInterpreter, "a PIE, not a shared library: it has a program interpreter")
        XCTAssertTrue(elf.programTypes.contains(0x6474_e552), "PT_GNU_RELRO: the relocated tables become read-only")
        let flags = try elf.dynamicValue(tag: 30) ?? 0 // DT_FLAGS
        let flags1 = try elf.dynamicValue(tag: 0x6fff_fffb) ?? 0 // DT_FLAGS_1
        XCTAssertTrue(flags & 0x8 != 0 || flags1 & 0x1 != 0, "BIND_NOW: every symbol resolved before main, so RELRO covers the GOT")
        XCTAssertTrue(flags1 & 0x0800_0000 != 0, "DF_1_PIE")
    }

    /// libsqlite3 binds its 1,600 symbols when it is loaded (about 0.7 ms): exocall loads it
    /// with the first call log it opens, so a start, `--version` or a first frame never pays
    /// for it. Linked as a dependency again (an `import` of GRDB's module, say), it would be.
    func testSQLiteIsNotLoadedAtStart() throws {
        let needed = try ElfFile(path: exocallBinary.path).neededLibraries()
        XCTAssertTrue(needed.contains { $0.hasPrefix("libc.so") }, "the dependencies are read: \(needed)")
        XCTAssertFalse(needed.contains { $0.hasPrefix("libsqlite3") }, "libsqlite3 is loaded at start: \(needed)")
    }
}

/// Just enough of an ELF64 little-endian file to read its type, program headers and dynamic section.
private struct ElfFile {
    let handle: FileHandle
    let type: UInt16
    let programs: [(type: UInt32, offset: UInt64, address: UInt64, size: UInt64)]

    init(path: String) throws {
        handle = try XCTUnwrap(FileHandle(forReadingAtPath: path), "cannot read \(path)")
        let header = try ElfFile.read(handle, at: 0, count: 64)
        XCTAssertEqual(Array(header[0..<4]), [0x7f, 0x45, 0x4c, 0x46], "an ELF file")
        XCTAssertEqual(header[4], 2, "ELF64")
        XCTAssertEqual(header[5], 1, "little-endian")
        type = ElfFile.integer(header, 16, 2)
        let phoff: UInt64 = ElfFile.integer(header, 32, 8)
        let phentsize: UInt16 = ElfFile.integer(header, 54, 2)
        let phnum: UInt16 = ElfFile.integer(header, 56, 2)
        let table = try ElfFile.read(handle, at: phoff, count: Int(phentsize) * Int(phnum))
        programs = (0..<Int(phnum)).map { index in
            let base = index * Int(phentsize)
            return (ElfFile.integer(table, base, 4), ElfFile.integer(table, base + 8, 8), ElfFile.integer(table, base + 16, 8),
                    ElfFile.integer(table, base + 32, 8))
        }
    }

    var programTypes: [UInt32] { programs.map(\.type) }
    var hasInterpreter: Bool { programTypes.contains(3) }

    /// The value of the first dynamic entry with `tag`, if any.
    func dynamicValue(tag: Int64) throws -> UInt64? {
        try dynamicValues(tag: tag).first
    }

    /// The values of every dynamic entry with `tag`, in order.
    func dynamicValues(tag: Int64) throws -> [UInt64] {
        guard let dynamic = programs.first(where: { $0.type == 2 }) else { return [] }
        let bytes = try ElfFile.read(handle, at: dynamic.offset, count: Int(dynamic.size))
        var values: [UInt64] = []
        for base in stride(from: 0, to: bytes.count - 15, by: 16) {
            let entryTag: UInt64 = ElfFile.integer(bytes, base, 8)
            if entryTag == 0 { break }
            if Int64(bitPattern: entryTag) == tag { values.append(ElfFile.integer(bytes, base + 8, 8)) }
        }
        return values
    }

    /// The shared libraries the loader maps at start (DT_NEEDED, named in DT_STRTAB).
    func neededLibraries() throws -> [String] {
        let strtab = try XCTUnwrap(try dynamicValue(tag: 5), "DT_STRTAB")
        // The string table's address, as a file offset: through the LOAD segment that holds it.
        let load = try XCTUnwrap(programs.first { $0.type == 1 && $0.address <= strtab && strtab < $0.address + $0.size }, "a LOAD segment holds DT_STRTAB")
        let tableOffset = strtab - load.address + load.offset
        return try dynamicValues(tag: 1).map { name in
            let bytes = try ElfFile.read(handle, at: tableOffset + name, count: 64)
            return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    static func read(_ handle: FileHandle, at offset: UInt64, count: Int) throws -> [UInt8] {
        try handle.seek(toOffset: offset)
        let data = try handle.read(upToCount: count) ?? Data()
        XCTAssertEqual(data.count, count, "the file ends early")
        return [UInt8](data)
    }

    static func integer<T: FixedWidthInteger>(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> T {
        var value: UInt64 = 0
        for index in (0..<size).reversed() where offset + index < bytes.count {
            value = value << 8 | UInt64(bytes[offset + index])
        }
        return T(truncatingIfNeeded: value)
    }
}
