import Testing

@testable import Registry

@Suite("Registry validation rules")
struct ValidationRuleTests {
    @Test("real-format credit codes pass their check character", arguments: [
        "91330100799655058B", "91110000802100433B", "91350100M000100Y43",
    ])
    func validCodes(text: String) {
        #expect((try? UnifiedSocialCreditCode.parse(text).get())?.text == text)
    }

    @Test("a credit code typed with spaces or lower case is read; a one-character typo is caught")
    func codeTypos() throws {
        #expect(try UnifiedSocialCreditCode.parse("9133 0100 7996 5505 8b").get().text == "91330100799655058B")
        #expect(try UnifiedSocialCreditCode.parse("91330100799655058B").get().provinceCode == "33")
        guard case .failure(.wrongCheckCharacter) = UnifiedSocialCreditCode.parse("91330100799655059B") else {
            Issue.record("a changed digit was not caught")
            return
        }
        guard case .failure(.invalidCharacter("I")) = UnifiedSocialCreditCode.parse("9133010079965505IB") else {
            Issue.record("the letter I was accepted")
            return
        }
        guard case .failure(.wrongLength(17)) = UnifiedSocialCreditCode.parse("91330100799655058") else {
            Issue.record("17 characters were accepted")
            return
        }
        guard case .failure(.invalidDivision) = UnifiedSocialCreditCode.parse("91A30100799655058B") else {
            Issue.record("a letter in the division code was accepted")
            return
        }
    }

    @Test("phone numbers normalise to E.164", arguments: [
        ("13812345678", "+8613812345678"), ("+86 138 1234 5678", "+8613812345678"), ("0086-138-1234-5678", "+8613812345678"),
        ("0571-87054066", "+8657187054066"), ("(0571) 8797 8953", "+8657187978953"), ("+86 571 8705 4066", "+8657187054066"),
        ("010-12345678", "+861012345678"), ("+358 40 123 4567", "+358401234567"), ("+44 1522 123456", "+441522123456"),
    ])
    func phones(input: String, expected: String) {
        #expect((try? ContactRules.normalizedPhone(input).get()) == expected)
    }

    @Test("phone numbers that are neither mainland nor E.164 are refused", arguments: [
        "", "12812345678", "1381234567", "138123456789", "phone", "+0 123", "571-8705", "+86 138 1234 5678\r\nBcc: x@y.z",
        "+1234567", "0571-870540661234",
    ])
    func badPhones(input: String) {
        #expect((try? ContactRules.normalizedPhone(input).get()) == nil)
    }

    @Test("e-mail addresses", arguments: [
        ("csyzju@126.com", true), ("chen.sy+forms@zjstc.org.cn", true), ("a@b.co", true), ("no-at-sign.com", false),
        ("two@@at.com", false), ("space in@x.com", false), ("x@localhost", false), ("x@-bad.com", false),
        ("x@y.c0m", false), ("x@y.com\r\nBcc: victim@z.com", false), (".dot@x.com", false), ("\"q\"@x.com", false),
    ])
    func emails(input: String, valid: Bool) {
        #expect(ContactRules.isEmailAddress(input) == valid)
    }

    @Test("text is stored in NFC; control characters and direction overrides are refused")
    func text() {
        #expect((try? TextRules.clean("Cafe\u{301}  ", maximumCharacters: 10, multiline: false).get()) == "Caf\u{e9}")
        #expect((try? TextRules.clean("第一行\n第二行", maximumCharacters: 10, multiline: true).get()) == "第一行\n第二行")
        #expect((try? TextRules.clean("第一行\n第二行", maximumCharacters: 10, multiline: false).get()) == nil)
        #expect((try? TextRules.clean("evil\u{202E}fdp.exe", maximumCharacters: 100, multiline: false).get()) == nil)
        #expect((try? TextRules.clean("bell\u{07}", maximumCharacters: 100, multiline: true).get()) == nil)
        #expect((try? TextRules.clean(String(repeating: "浙", count: 11), maximumCharacters: 10, multiline: false).get()) == nil)
        #expect(TextRules.clean("x\u{2066}", maximumCharacters: 5, multiline: false) == .failure(.bidiOverride(0x2066)))
    }

    @Test("the 座机或手机 cell as people fill it: extensions, full-width digits, any dash, 86-, two numbers", arguments: [
        ("0571-87054066转8012", "+8657187054066;ext=8012"), ("0571-87054066-8012", "+8657187054066;ext=8012"),
        ("0571-87054066 ext. 12", "+8657187054066;ext=12"), ("（0571）87054066", "+8657187054066"),
        ("０５７１－８７０５４０６６", "+8657187054066"), ("0571–8705 4066", "+8657187054066"), ("86-571-87054066", "+8657187054066"),
        ("138 0571 2233", "+8613805712233"), ("0571-87054066 / 13805712233", "+8657187054066, +8613805712233"),
        ("0575-84120000转8012，13805712233", "+8657584120000;ext=8012, +8613805712233"),
        ("0571-87054066 分机 8012", "+8657187054066;ext=8012"),
    ])
    func phonesAsWritten(input: String, expected: String) {
        #expect((try? ContactRules.normalizedPhones(input).get()) == expected)
    }

    @Test("two e-mail addresses in the one cell are both kept, the first primary", arguments: [
        ("a@example.cn；b@example.com", "a@example.cn, b@example.com"), ("a@example.cn, b@example.com", "a@example.cn, b@example.com"),
        ("a＠example.cn", "a@example.cn"), (" a@example.cn ", "a@example.cn"),
    ])
    func emailsAsWritten(input: String, expected: String) {
        #expect(ContactRules.normalizedEmails(input) == expected)
    }

    @Test("e-mail cells that are not addresses are refused", arguments: ["a@example.cn；not-an-address", "", "x@localhost"])
    func badEmailCells(input: String) {
        #expect(ContactRules.normalizedEmails(input) == nil)
    }

    @Test("section 3.1 as people fill it", arguments: [
        (["以色列、芬兰"], ["IL", "FI"], [String](), false), (["Finland, Israel"], ["FI", "IL"], [], false),
        (["以色列国"], ["IL"], [], false), (["英国中部地区"], ["GB"], ["英国中部地区"], false),
        (["西弗兰德"], ["BE"], ["西弗兰德"], false), (["英国（莱斯特郡）"], ["GB"], ["莱斯特郡"], false),
        (["英国（中部地区，莱斯特郡）"], ["GB"], ["中部地区", "莱斯特郡"], false), (["不限"], [], [], true),
        (["no preference"], [], [], true), (["欧洲"], ["FI", "NO", "BE", "GB"], ["欧洲"], false),
        (["Leicestershire"], ["GB"], ["Leicestershire"], false), (["Türkiye"], ["TR"], [], false),
        (["België"], ["BE"], [], false), (["Suomi", "Norge"], ["FI", "NO"], [], false),
        (["United Kingdom of Great Britain and Northern Ireland"], ["GB"], [], false), (["台湾"], ["TW"], [], false),
        (["中国香港"], ["HK"], [], false), (["中华人民共和国"], ["CN"], [], false), (["土耳其"], ["TR"], [], false),
    ])
    func partnerCountries(entries: [String], countries: [String], regions: [String], noPreference: Bool) {
        let reading = PartnerCountries.read(entries)
        #expect(reading.countries == countries, "\(entries)")
        #expect(reading.regions == regions, "\(entries)")
        #expect(reading.noPreference == noPreference, "\(entries)")
        #expect(reading.unknown.isEmpty, "\(entries): \(reading.unknown.map(\.text))")
    }

    @Test("a 3.1 entry that names nothing known is named back")
    func unknownCountry() {
        #expect(PartnerCountries.read(["以色列、亚特兰蒂斯"]).unknown.map(\.text) == ["亚特兰蒂斯"])
        #expect(PartnerCountries.read(["以色列、亚特兰蒂斯"]).countries == ["IL"])
    }
}
