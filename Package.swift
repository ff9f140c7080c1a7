// swift-tools-version:6.0
import PackageDescription

/// Lingyan: four services and an admin CLI that talk JSON-RPC 2.0 over Unix sockets.
///
/// Layout: `Shared/` is the one module every process links (wire codec, the contract, transport, change feed);
/// `Services/<Name>/` is one executable each; `Tests/` holds unit tests, integration tests over real processes,
/// and the support library both use.
let package = Package(
    name: "Lingyan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lingyan-registry", targets: ["Registry"]),
        .executable(name: "lingyan-matching", targets: ["Matching"]),
        .executable(name: "lingyan-notification", targets: ["Notifier"]),
        .executable(name: "lingyan-audit", targets: ["Audit"]),
        .executable(name: "lingyan", targets: ["Admin"]),
        .executable(name: "lingyan-bench", targets: ["Bench"]),
        .executable(name: "lingyan-fuzz", targets: ["Fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", .upToNextMinor(from: "2.101.2")),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", .upToNextMinor(from: "3.12.3")),
        .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
        .package(url: "https://github.com/apple/swift-log", .upToNextMinor(from: "1.16.2")),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", .upToNextMinor(from: "2.13.0")),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemZlib",
            path: "Shared/CSystemZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Shared",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared",
            exclude: ["CSystemZlib"]
        ),
        .executableTarget(
            name: "Registry",
            dependencies: ["Shared", "ServiceKit", "TaxonomyKit", "OfficeKit", .product(name: "CSV", package: "CSV.swift")],
            path: "Services/Registry"
        ),
        // Office files as agencies and enterprises send them (Excel workbooks): ZIP archives of XML, read with
        // ZIPFoundation and FoundationXML. The registry imports them; the CLI reads large ones into pieces.
        .target(
            name: "OfficeKit",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Services/OfficeKit"
        ),
        .executableTarget(
            name: "Matching",
            dependencies: ["Shared", "ServiceKit", "TaxonomyKit"],
            path: "Services/Matching"
        ),
        // The bilingual technology taxonomy and its text analysis: matching indexes with it, and the registry's
        // eligibility check judges priority areas with it, so that the two agree.
        .target(
            name: "TaxonomyKit",
            dependencies: ["Shared"],
            path: "Services/TaxonomyKit"
        ),
        .executableTarget(
            name: "Notifier",
            dependencies: [
                "Shared", "ServiceKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Services/Notifier"
        ),
        .executableTarget(
            name: "Audit",
            dependencies: [
                "Shared", "ServiceKit", "AuditKit",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Services/Audit"
        ),
        .target(
            name: "AuditKit",
            dependencies: [
                "Shared", "CSystemZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Services/AuditKit"
        ),
        .target(
            name: "ServiceKit",
            dependencies: [
                "Shared",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Services/ServiceKit"
        ),
        .executableTarget(
            name: "Admin",
            dependencies: [
                "Shared", "AuditKit", "OfficeKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            path: "Services/Admin"
        ),
        .executableTarget(
            name: "Bench",
            dependencies: [
                "Shared", "ServiceKit", "AuditKit", "TestSupport", "OfficeKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Services/Bench"
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Shared", "ServiceKit"],
            path: "Tests/TestSupport"
        ),
        // A libFuzzer target for the frame decoder and the JSON-RPC parser (`deploy/fuzz`); built normally it
        // replays the inputs it is given.
        .executableTarget(
            name: "Fuzz",
            dependencies: [
                "Shared",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            path: "Tests/Fuzz",
            exclude: ["Corpus"]
        ),
        .testTarget(
            name: "SharedTests",
            dependencies: [
                "Shared", "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/SharedTests"
        ),
        .testTarget(
            name: "ServiceKitTests",
            dependencies: [
                "Shared", "ServiceKit", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ServiceKitTests"
        ),
        .testTarget(
            name: "RegistryTests",
            dependencies: ["Registry"],
            path: "Tests/RegistryTests"
        ),
        .testTarget(
            name: "OfficeKitTests",
            dependencies: ["OfficeKit"],
            path: "Tests/OfficeKitTests"
        ),
        .testTarget(
            name: "AdminTests",
            dependencies: ["Admin"],
            path: "Tests/AdminTests"
        ),
        .testTarget(
            name: "MatchingTests",
            dependencies: ["Matching", "TaxonomyKit"],
            path: "Tests/MatchingTests"
        ),
        .testTarget(
            name: "AuditKitTests",
            dependencies: [
                "AuditKit", "Shared", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/AuditKitTests"
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "Shared", "TestSupport", "AuditKit",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/IntegrationTests"
        ),
    ]
)
