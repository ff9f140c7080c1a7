import Foundation

/// Material the tests read from outside the repository: the development set of real partner profiles, which may
/// not be copied in, and the Python that writes real Office files.
public enum TestData {
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `matching-dev/` with its `partners.jsonl`: `LINGYAN_MATCHING_DEV`, else `../shared/matching-dev` beside the
    /// checkout; nil when neither is there.
    public static let matchingDevelopmentSet: String? = {
        let candidates = [
            ProcessInfo.processInfo.environment["LINGYAN_MATCHING_DEV"],
            Self.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/matching-dev").path,
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: "\($0)/partners.jsonl") }
    }()

    /// A Python with openpyxl: `LINGYAN_PYTHON` (set by `deploy/test`), else `.build-python/bin/python`; nil when
    /// neither can import it.
    public static let pythonWithOpenpyxl: String? = {
        let candidates = [
            ProcessInfo.processInfo.environment["LINGYAN_PYTHON"],
            Self.packageRoot.appendingPathComponent(".build-python/bin/python").path,
        ].compactMap { $0 }
        return candidates.first { path in
            guard FileManager.default.isExecutableFile(atPath: path),
                  let run = try? CLIRun.run([path, "-c", "import openpyxl"], environment: ProcessInfo.processInfo.environment)
            else { return false }
            return run.status == 0
        }
    }()
}
