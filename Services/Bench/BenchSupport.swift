import Foundation
import ServiceKit
import Shared

/// Where the executables to measure are: beside this one, unless told otherwise.
func productDirectory(_ explicit: String?) -> String {
    if let explicit { return explicit }
    return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
}

/// A scratch `LINGYAN_HOME` under /tmp, short enough for socket paths.
func scratchHome() throws -> String {
    var template = Array("/tmp/lyb-XXXXXX".utf8CString)
    guard let created = mkdtemp(&template) else { throw POSIXError(.EIO) }
    return String(cString: created)
}

/// Starts an executable with output to a log file; returns its pid.
func spawn(
    _ executable: String, arguments: [String] = [], home: String, log: String, environment extra: [String: String] = [:]
) throws -> pid_t {
    var environment = ProcessInfo.processInfo.environment
    environment["LINGYAN_HOME"] = home
    environment.merge(extra) { _, new in new }
    return try ProcessSpawner.spawn(executable, arguments: arguments, environment: environment, output: .appending(log))
}

/// Stops a child with SIGTERM and reaps it.
func stop(_ pid: pid_t) {
    kill(pid, SIGTERM)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
}

/// Resident memory of a process, from /proc, in bytes.
func residentBytes(of pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        return digits.map { $0 * 1024 }
    }
    return nil
}

/// The value at a percentile of sorted samples.
func percentile(_ sorted: [UInt64], _ fraction: Double) -> UInt64 {
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
    return sorted[max(0, index)]
}

/// Formats nanoseconds as microseconds.
func micros(_ nanoseconds: UInt64) -> String {
    String(format: "%.0f µs", Double(nanoseconds) / 1_000)
}

/// Figures appear as they are measured, also when standard output is a file.
func printLineByLine() {
    // Swift 6 refuses to name the C global `stdout`; its address is looked up instead.
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "stdout") else { return }
    setvbuf(symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>.self).pointee, nil, _IOLBF, 0)
}
