import Foundation

/// Runs a shell command with bytes on its standard input and returns its exit status and standard error.
///
/// Spawned through `ProcessSpawner`: the service's sockets and databases never reach the command.
public enum CommandRunner {
    public struct Outcome: Sendable {
        public var status: Int32
        public var standardError: String
    }

    public static func run(_ command: String, input: [UInt8]) throws -> Outcome {
        var stdinPipe: [Int32] = [0, 0]
        var stderrPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0, pipe(&stderrPipe) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let spawned: pid_t
        do {
            spawned = try ProcessSpawner.spawn(
                "/bin/sh", arguments: ["-c", command], environment: ProcessInfo.processInfo.environment,
                input: .descriptor(stdinPipe[0]), output: .null, error: .descriptor(stderrPipe[1]))
        } catch {
            for descriptor in stdinPipe + stderrPipe { close(descriptor) }
            throw error
        }
        close(stdinPipe[0])
        close(stderrPipe[1])
        // A child that exits without reading must not kill the service with SIGPIPE: the write just fails.
        signal(SIGPIPE, SIG_IGN)
        var offset = 0
        while offset < input.count {
            let written = input[offset...].withUnsafeBytes { write(stdinPipe[1], $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += written
        }
        close(stdinPipe[1])
        var errorBytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(stderrPipe[0], $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            if errorBytes.count < 64 * 1_024 { errorBytes += buffer[0..<count] }
        }
        close(stderrPipe[0])
        var raw: Int32 = 0
        while waitpid(spawned, &raw, 0) < 0 && errno == EINTR {}
        return Outcome(
            status: ProcessSpawner.exitStatus(raw), standardError: String(decoding: errorBytes, as: UTF8.self))
    }
}
