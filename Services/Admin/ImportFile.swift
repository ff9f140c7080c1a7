import ArgumentParser
import Foundation
import Shared

/// What an import command is given: the file, its format, and whether to store anything.
struct ImportOptions: ParsableArguments {
    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "jsonl or csv (default: from the file name).")
    var format: String?

    @Flag(help: "Check every line and report, storing nothing.")
    var dryRun = false
}

/// A JSON Lines or CSV file cut on line boundaries into pieces that each fit in one request, as `partners.import`
/// and `forms.import` take them (DESIGN §13): each piece knows its first line number, and a CSV header is sent
/// with every piece.
struct ImportFile {
    /// `jsonl` or `csv`.
    let format: String
    let header: String?
    let pieces: [(firstLine: Int, lines: [String])]
    let lineCount: Int

    init(_ options: ImportOptions, maximumFrameBytes: Int) throws {
        try self.init(path: options.file, format: options.format, maximumFrameBytes: maximumFrameBytes)
    }

    init(path: String, format explicit: String?, maximumFrameBytes: Int) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(path) as UTF-8 text")
        }
        let format = explicit ?? (path.lowercased().hasSuffix(".csv") ? "csv" : "jsonl")
        guard format == "jsonl" || format == "csv" else { throw ValidationError("format must be jsonl or csv") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var header: String? = nil
        var firstLine = 1
        if format == "csv", !lines.isEmpty {
            header = lines.removeFirst()
            firstLine = 2
        }
        // Half of what the frame limit leaves after the envelope and header: even if every byte of the content
        // needed a JSON escape, the piece still fits in one frame.
        let budget = max(256, (maximumFrameBytes - 1_024 - 2 * (header?.utf8.count ?? 0)) / 2)
        if let long = lines.firstIndex(where: { $0.utf8.count + 1 > budget }) {
            printError("line \(long + firstLine) is \(lines[long].utf8.count) bytes, more than fits in one request (\(budget) bytes under the \(maximumFrameBytes)-byte frame limit); shorten it or raise maximumFrameBytes")
            throw ExitStatus.dataError
        }
        var pieces: [(Int, [String])] = []
        var current: [String] = []
        var size = 0
        var start = firstLine
        for (offset, line) in lines.enumerated() {
            if size + line.utf8.count + 1 > budget && !current.isEmpty {
                pieces.append((start, current))
                start = firstLine + offset
                current = []
                size = 0
            }
            current.append(line)
            size += line.utf8.count + 1
        }
        if !current.isEmpty { pieces.append((start, current)) }
        self.format = format
        self.header = header
        self.pieces = pieces
        self.lineCount = lines.count
    }

    /// The params of one piece.
    func params(_ piece: (firstLine: Int, lines: [String]), dryRun: Bool) -> RegistryInterface.PartnersImport.Params {
        .init(format: self.format, content: piece.lines.joined(separator: "\n"), dryRun: dryRun, firstLine: piece.firstLine, header: self.header)
    }

    /// Sends every piece to the registry with `method`, showing progress on standard error; the answers in order.
    func send<M: RPCMethod>(_ method: M.Type, dryRun: Bool, global: GlobalOptions, timeout: Duration) async throws -> [M.Result]
    where M.Params == RegistryInterface.PartnersImport.Params {
        let configuration = try global.configuration()
        let progress = ProgressBar(total: self.lineCount, label: dryRun ? "checking" : "importing")
        let results = try await withService(.registry, configuration: configuration) { client in
            var results: [M.Result] = []
            var done = 0
            for piece in self.pieces {
                results.append(try await client.call(M.self, self.params(piece, dryRun: dryRun), meta: global.meta, timeout: timeout))
                done += piece.lines.count
                progress.update(done)
            }
            return results
        }
        progress.finish()
        return results
    }

    /// Prints every rejected line's problems, in both languages.
    static func printRejected(_ rejected: [RegistryInterface.RejectedLine]) {
        for line in rejected {
            for field in line.fields {
                print("  line \(line.line): \(field.path): \(field.messageZh) / \(field.messageEn)")
            }
        }
    }
}
