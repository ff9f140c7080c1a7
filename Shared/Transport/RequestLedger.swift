#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import Synchronization

/// The requests a service is serving, kept in a small memory-mapped file (`run/<service>.requests`) so that after
/// a crash — a trap, a fatal signal, the OOM killer's SIGKILL — the supervisor can say what the service was doing.
///
/// The pages of a shared mapping belong to the file, not to the process, so what was written is there when the
/// process is gone, without a system call per request. The file is text, one line per slot:
///
///     R 00000000000000000042 applications.check 7                                       ⏎
///     │ └ the order in which requests began          └ method and request id, padded with spaces to 128 bytes
///     └ R while the request runs, D once it is answered
///
/// A string id is written as it is (with `?` for anything but printable ASCII, quotes and backslashes), a
/// notification as `(notification)`.
///
/// Only the method and the request id are kept: never params, which may hold personal data.
public final class RequestLedger: Sendable {
    /// Slots in the file; a service with more requests in flight reuses the oldest slots.
    public static let slotCount = 64
    /// Bytes per slot, newline included.
    public static let slotBytes = 128

    /// The mapping; nil when the file could not be made (the ledger then records nothing).
    private nonisolated(unsafe) let mapping: UnsafeMutableRawPointer?
    private let started = Atomic<UInt64>(0)

    /// Creates (or empties) the ledger file and maps it.
    public init(path: String) {
        let size = Self.slotCount * Self.slotBytes
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            self.mapping = nil
            return
        }
        defer { close(descriptor) }
        guard ftruncate(descriptor, off_t(size)) == 0,
              let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0), mapped != MAP_FAILED
        else {
            self.mapping = nil
            return
        }
        self.mapping = mapped
        let idle = Array(("D " + String(repeating: " ", count: Self.slotBytes - 3)).utf8) + [0x0A]
        for slot in 0..<Self.slotCount {
            idle.withUnsafeBytes { (mapped + slot * Self.slotBytes).copyMemory(from: $0.baseAddress!, byteCount: Self.slotBytes) }
        }
    }

    /// A ledger that records nothing.
    public init() {
        self.mapping = nil
    }

    deinit {
        if let mapping { munmap(mapping, Self.slotCount * Self.slotBytes) }
    }

    /// A request being served: which slot it holds and its place in the order.
    public struct Entry: Sendable {
        fileprivate let slot: Int
        fileprivate let sequence: UInt64
    }

    /// Records that a request has begun.
    public func begin(method: String, id: JSONValue?) -> Entry? {
        guard let mapping else { return nil }
        let sequence = self.started.add(1, ordering: .relaxed).newValue
        let slot = Int(sequence % UInt64(Self.slotCount))
        var line = Array("R ".utf8) + Self.digits(sequence) + [0x20] + Self.printable(method, limit: 60)
        line += [0x20] + Self.printable(Self.text(of: id), limit: 40)
        line = Array(line.prefix(Self.slotBytes - 1))
        line += Array(repeating: 0x20, count: Self.slotBytes - 1 - line.count) + [0x0A]
        line.withUnsafeBytes { (mapping + slot * Self.slotBytes).copyMemory(from: $0.baseAddress!, byteCount: Self.slotBytes) }
        return Entry(slot: slot, sequence: sequence)
    }

    /// Records that a request was answered (unless its slot was since taken by a newer one).
    public func end(_ entry: Entry?) {
        guard let mapping, let entry else { return }
        let line = mapping + entry.slot * Self.slotBytes
        let digits = Self.digits(entry.sequence)
        let same = digits.withUnsafeBytes { memcmp(line + 2, $0.baseAddress!, digits.count) == 0 }
        if same { line.storeBytes(of: UInt8(ascii: "D"), as: UInt8.self) }
    }

    /// Runs `body` with the request recorded as running.
    public func recording<T>(_ request: RPCRequest, _ body: () throws -> T) rethrows -> T {
        let entry = self.begin(method: request.method, id: request.id)
        defer { self.end(entry) }
        return try body()
    }

    /// Runs `body` with the request recorded as running.
    public func recording<T>(_ request: RPCRequest, _ body: () async throws -> T) async rethrows -> T {
        let entry = self.begin(method: request.method, id: request.id)
        defer { self.end(entry) }
        return try await body()
    }

    private static func digits(_ value: UInt64) -> [UInt8] {
        let text = String(value)
        return Array((String(repeating: "0", count: max(0, 20 - text.count)) + text).utf8)
    }

    private static func text(of id: JSONValue?) -> String {
        switch id {
        case .integer(let value)?: return String(value)
        case .string(let value)?: return value.isEmpty ? "\"\"" : value
        case .double(let value)?: return String(value)
        case nil: return "(notification)"
        default: return "null"
        }
    }

    /// Printable ASCII only, without quotes or backslashes, so that a hostile id can break neither a line, nor
    /// the supervisor's log, nor the JSON line it writes.
    private static func printable(_ text: String, limit: Int) -> [UInt8] {
        Array(text.utf8.prefix(limit).map { (0x21...0x7E).contains($0) && $0 != 0x22 && $0 != 0x5C ? $0 : UInt8(ascii: "?") })
    }
}
