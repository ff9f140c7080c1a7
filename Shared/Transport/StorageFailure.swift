import GRDB

extension RPCError {
    /// A storage failure a client can understand and act on, or nil for one that is a defect (answered as
    /// internal). A full disk or a failing one is the operator's to fix; the write was not stored (SQLite rolled
    /// the transaction back), so the client may try again later.
    static func storageFailure(_ error: any Error) -> RPCError? {
        guard let database = error as? DatabaseError else { return nil }
        switch database.resultCode {
        case .SQLITE_FULL:
            return RPCError(
                code: .unavailable, message: "The disk is full: nothing was stored; try again when space is freed",
                data: ["reason": "disk_full"])
        case .SQLITE_IOERR:
            return RPCError(
                code: .unavailable, message: "The database cannot be written (I/O error): nothing was stored",
                data: ["reason": "io_error"])
        case .SQLITE_READONLY, .SQLITE_CANTOPEN:
            return RPCError(
                code: .unavailable, message: "The database cannot be written (read-only or unreachable): nothing was stored",
                data: ["reason": "read_only"])
        default:
            return nil
        }
    }
}
