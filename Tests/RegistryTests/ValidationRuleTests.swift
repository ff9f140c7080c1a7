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
}
