/// The content lines of a small text file (a CSV), with their 1-based line numbers: a UTF-8
/// byte-order mark is skipped, lines end in LF or CRLF (the CR is dropped), and blank lines and
/// comment lines (first non-blank character `#`) are left out.
///
/// ```swift
/// for (number, line) in TextLines(Array("# c\r\na,b\r\n\n1,2".utf8)) { … }   // (2, "a,b"), (4, "1,2")
/// ```
package struct TextLines: Sequence {
    let bytes: [UInt8]

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    package func makeIterator() -> Iterator {
        Iterator(bytes: bytes, start: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
    }

    package struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var start: Int
        var number = 0

        package mutating func next() -> (number: Int, line: ArraySlice<UInt8>)? {
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                number += 1
                defer { start = end + 1 }
                var lineEnd = end
                if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = bytes[start..<lineEnd]
                guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), line[first] != 0x23 else { continue }
                return (number, line)
            }
            return nil
        }
    }
}
