import Foundation
import Testing

@testable import Shared

@Suite("Configuration")
struct ConfigurationTests {
    @Test("with nothing set, the defaults lay out ./var as DESIGN describes")
    func defaults() throws {
        let configuration = try LingyanConfiguration.load(environment: [:], homeOverride: "/tmp/lingyan-defaults-test")
        #expect(configuration.socketPath(for: .registry) == "/tmp/lingyan-defaults-test/run/registry.sock")
        #expect(configuration.databasePath(for: .audit) == "/tmp/lingyan-defaults-test/data/audit.sqlite")
        #expect(configuration.maximumFrameBytes == 1 << 20)
        #expect(configuration.roles == nil)
    }

    @Test("environment variables override the file, and the file overrides the defaults")
    func layering() throws {
        let directory = NSTemporaryDirectory() + "lingyan-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = """
            { "maximumConnections": 9, "idleTimeoutSeconds": 30, "roles": { "uids": { "1001": "reader" } } }
            """
        try file.write(toFile: "\(directory)/lingyan.json", atomically: true, encoding: .utf8)
        let configuration = try LingyanConfiguration.load(
            environment: ["LINGYAN_HOME": directory, "LINGYAN_IDLE_TIMEOUT_SECONDS": "45"])
        #expect(configuration.maximumConnections == 9)
        #expect(configuration.idleTimeoutSeconds == 45)
        #expect(configuration.roles?.uids?["1001"] == .reader)
    }

    @Test("a frame limit above 16 MiB is refused with the setting's name")
    func outOfRange() {
        #expect {
            try LingyanConfiguration.load(environment: ["LINGYAN_MAX_FRAME_BYTES": "\(32 << 20)"], homeOverride: "/tmp/x")
        } throws: { error in
            "\(error)".contains("maximumFrameBytes")
        }
    }

    @Test("a broken config file is reported with its path")
    func brokenFile() throws {
        let directory = NSTemporaryDirectory() + "lingyan-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "{ not json".write(toFile: "\(directory)/lingyan.json", atomically: true, encoding: .utf8)
        #expect {
            try LingyanConfiguration.load(environment: ["LINGYAN_HOME": directory])
        } throws: { error in
            "\(error)".contains("lingyan.json")
        }
    }

    @Test("without a role map, root and the services' user are admins and others unknown")
    func defaultRoles() {
        let map = RoleMap(configuration: nil, serviceUID: 1000)
        #expect(map.role(of: Peer(pid: 1, uid: 0, gid: 0, userName: "root")) == .admin)
        #expect(map.role(of: Peer(pid: 1, uid: 1000, gid: 1000, userName: nil)) == .admin)
        #expect(map.role(of: Peer(pid: 1, uid: 1001, gid: 1001, userName: nil)) == nil)
    }

    @Test("a role map gives user entries precedence over uid entries")
    func configuredRoles() {
        let map = RoleMap(
            configuration: RoleMapConfiguration(users: ["chen": .staff], uids: ["1002": .reader, "1003": .reader]),
            serviceUID: 1000)
        #expect(map.role(of: Peer(pid: 1, uid: 1002, gid: 1002, userName: "chen")) == .staff)
        #expect(map.role(of: Peer(pid: 1, uid: 1003, gid: 1003, userName: nil)) == .reader)
        #expect(map.role(of: Peer(pid: 1, uid: 1004, gid: 1004, userName: nil)) == nil)
        #expect(MethodAccess.write.allows(.reader) == false)
        #expect(MethodAccess.admin.allows(.staff) == false)
        #expect(MethodAccess.service.allows(.service))
    }

    @Test("rpc.discover shapes mark optional fields and nested arrays")
    func shapes() {
        let shape = Shape.describe(FeedInterface.Wait.Params.example)
        #expect(shape == ["after": "integer", "timeoutMilliseconds": "integer?", "limit": "integer?"])
        let page = Shape.describe(FeedInterface.Page.example)
        #expect(page["next"] == "integer")
        if case .array(let elements)? = page["events"] {
            #expect(elements.first?["actor"]?["operator"] == "string?")
        } else {
            Issue.record("events is not described as an array")
        }
    }
}
