/// The `lingyan-matching` service's wire contract.
///
/// The match index derived from the registry's feed, and match results. Keeps a change feed.
public enum MatchingInterface {
    /// The service these methods belong to.
    public static let service = ServiceName.matching

    /// Every method the service answers, in the order `rpc.discover` lists them.
    public static let methods: [any RPCMethod.Type] = CommonInterface.methods + FeedInterface.methods
}
