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

    /// Records that a request has begun. The line is written straight into its slot, with no allocation: this
    /// runs for every request, on the event loop for inline methods.
    public func begin(method: String, id: JSONValue?) -> Entry? {
        guard let mapping else { return nil }
        let sequence = self.started.add(1, ordering: .relaxed).newValue
        let slot = Int(sequence % UInt64(Self.slotCount))
        let line = (mapping + slot * Self.slotBytes).assumingMemoryBound(to: UInt8.self)
        var offset = 2
        Self.writeDigits(sequence, to: line + offset)
        offset += 20
        func put(_ bytes: some Sequence<UInt8>, limit: Int) {
            line[offset] = 0x20
            offset += 1
            for byte in bytes.prefix(limit) where offset < Self.slotBytes - 1 {
                line[offset] = Self.isPrintable(byte) ? byte : UInt8(ascii: "?")
                offset += 1
            }
        }
        put(method.utf8, limit: 60)
        switch id {
        case .integer(let value)?: put(String(value).utf8, limit: 40)
        case .string(let value)?: put(value.isEmpty ? "\"\"".utf8 : value.utf8, limit: 40)
        case .double(let value)?: put(String(value).utf8, limit: 40)
        case nil: put("(notification)".utf8, limit: 40)
        default: put("null".utf8, limit: 40)
        }
        while offset < Self.slotBytes - 1 {
            line[offset] = 0x20
            offset += 1
        }
        line[Self.slotBytes - 1] = 0x0A
        line[1] = 0x20
        line[0] = UInt8(ascii: "R")
        return Entry(slot: slot, sequence: sequence)
    }

    /// Records that a request was answered (unless its slot was since taken by a newer one).
    public func end(_ entry: Entry?) {
        guard let mapping, let entry else { return }
        let line = (mapping + entry.slot * Self.slotBytes).assumingMemoryBound(to: UInt8.self)
        var value = entry.sequence
        for position in stride(from: 21, through: 2, by: -1) {
            guard line[position] == UInt8(ascii: "0") + UInt8(value % 10) else { return }
            value /= 10
        }
        line[0] = UInt8(ascii: "D")
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

    /// `value` as 20 decimal digits, zero-padded.
    private static func writeDigits(_ value: UInt64, to target: UnsafeMutablePointer<UInt8>) {
        var value = value
        for position in stride(from: 19, through: 0, by: -1) {
            target[position] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
    }

    /// Printable ASCII but quotes and backslashes, so that a hostile id can break neither a line, nor the
    /// supervisor's log, nor the JSON line it writes.
    private static func isPrintable(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && byte != 0x22 && byte != 0x5C
    }
}
