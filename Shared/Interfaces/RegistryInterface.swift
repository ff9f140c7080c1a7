/// The `lingyan-registry` service's wire contract.
///
/// The system of record: programme catalogue, organisations, contacts, partner search forms, partner profiles, introductions and eligibility checks. Keeps a change feed.
public enum RegistryInterface {
    /// The service these methods belong to.
    public static let service = ServiceName.registry

    /// Every method the service answers, in the order `rpc.discover` lists them.
    public static let methods: [any RPCMethod.Type] = CommonInterface.methods + FeedInterface.methods
}
