/// The `lingyan-audit` service's wire contract.
///
/// The hash-chained audit record of every other service's feed, its sealed archives and signed checkpoints.
public enum AuditInterface {
    /// The service these methods belong to.
    public static let service = ServiceName.audit

    /// Every method the service answers, in the order `rpc.discover` lists them.
    public static let methods: [any RPCMethod.Type] = CommonInterface.methods
}
