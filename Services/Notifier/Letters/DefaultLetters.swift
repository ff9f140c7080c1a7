/// The letters Lingyan ships, written as the provincial centre writes to enterprises: a salutation, what happened,
/// what to do next, and the centre's signature; Chinese first, then English. Staff letters say which form, which
/// call and what to check. Copied into `LINGYAN_HOME/templates/` on first start, where staff may change them.
enum DefaultLetters {
    static let separator = "\n----------------------------------------\n"

    static func text(_ letter: LetterTemplates.Letter) -> String {
        switch letter {
        case .formReceivedEnterprise:
            return """
                Subject: 需求信息表已收到 / Partner search form received ({{formId}})

                {{organizationZh}}：

                您好！贵单位提交的《浙江企业开展国际科技合作需求信息表》（编号 {{formId}}）已收到。
                技术领域：{{technicalArea}}
                寻求合作的国家：{{countriesZh}}

                我们将尽快审核。审核通过后，表格将发布并推荐给相关国家的合作机构；如需补充或修改，我们会来信说明。

                {{signatureZh}}
                \(Self.separator)
                Dear {{organizationEn}},

                We have received your partner search form {{formId}}.
                Technical area: {{technicalArea}}
                Countries sought: {{countriesEn}}

                We will review it shortly. Once approved it is published and passed to partner organisations in those
                countries; if anything needs to be added or changed, we will write to say what.

                {{signatureEn}}
                """
        case .formReceivedStaff:
            return """
                Subject: 新需求信息表待审核 / New form to review: {{formId}} {{organizationZh}}

                新收到一份需求信息表，请审核。
                表单：{{formId}}（{{submittedAt}}）
                单位：{{organizationZh}}（{{city}}）
                联系人：{{contactName}}
                技术领域：{{technicalArea}}
                寻求合作的国家：{{countriesZh}}

                请核对：单位是否为浙江企业、联系方式是否完整、合作需求是否写清。查看：lingyan forms show {{formId}}
                \(Self.separator)
                A new partner search form is waiting for review.
                Form: {{formId}} ({{submittedAt}})
                Organisation: {{organizationEn}} ({{city}})
                Contact: {{contactName}}
                Technical area: {{technicalArea}}
                Countries sought: {{countriesEn}}

                Check that the organisation is a Zhejiang enterprise, that the contact details are complete and that the
                need is clear. To read it: lingyan forms show {{formId}}
                """
        case .formReturnedEnterprise:
            return """
                Subject: 需求信息表需修改后重新提交 / Please revise your partner search form ({{formId}})

                {{organizationZh}}：

                您好！贵单位提交的需求信息表（编号 {{formId}}）经审核，需修改后重新提交。
                审核意见：{{reason}}

                请按以上意见修改表格，并将修改后的表格发送至服务中心邮箱（见下方联系方式），我们收到后将重新审核。如有疑问，欢迎来电。

                {{signatureZh}}
                \(Self.separator)
                Dear {{organizationEn}},

                Your partner search form {{formId}} needs some changes before we can publish it.
                Our comments: {{reason}}

                Please revise the form accordingly and e-mail it back to the service centre (contact details below); we
                will review it again when it arrives. Do call us with any question.

                {{signatureEn}}
                """
        case .formPublishedEnterprise:
            return """
                Subject: 需求信息表已审核发布 / Your partner search form is published ({{formId}})

                {{organizationZh}}：

                您好！贵单位的需求信息表（编号 {{formId}}）已审核通过并发布。我们将向{{countriesZh}}的合作机构推荐，找到合适的合作伙伴后会与您联系。

                {{signatureZh}}
                \(Self.separator)
                Dear {{organizationEn}},

                Your partner search form {{formId}} has been approved and published. We will pass it to partner
                organisations in {{countriesEn}} and contact you when we find a suitable partner.

                {{signatureEn}}
                """
        case .matchFoundEnterprise:
            return """
                Subject: 为您找到一家潜在合作伙伴 / A possible partner for your project ({{formId}})

                {{organizationZh}}：

                您好！根据贵单位的合作需求（编号 {{formId}}），我们找到一家可能合适的合作伙伴：
                {{partnerName}}（{{partnerCountryZh}}，{{partnerKindZh}}）
                与您需求相关的领域：{{fieldsZh}}
                {{#note}}
                服务中心说明：{{note}}
                {{/note}}

                如希望我们为您引荐，请回复本邮件或来电，我们将与对方联系。

                {{signatureZh}}
                \(Self.separator)
                Dear {{organizationEn}},

                For your partner search {{formId}} we have found an organisation that may suit you:
                {{partnerName}} ({{partnerCountryEn}}, {{partnerKindEn}})
                Fields in common with your need: {{fieldsEn}}
                {{#note}}
                A note from the service centre: {{note}}
                {{/note}}

                If you would like us to introduce you, reply to this e-mail or call us, and we will contact them.

                {{signatureEn}}
                """
        case .matchFoundStaff:
            return """
                Subject: 匹配提示 / Match: {{formId}} {{organizationZh}} — {{partnerName}} ({{partnerCountryEn}})

                需求信息表 {{formId}}（{{organizationZh}}，{{technicalArea}}）与合作方档案 {{partnerId}} 匹配：
                合作方：{{partnerName}}（{{partnerCountryZh}}，{{partnerKindZh}}；来源 {{partnerSource}}）
                共同领域：{{fieldsZh}}
                匹配分：{{score}}
                {{#reasons}}
                - {{zh}}
                {{/reasons}}

                合作方专长：{{partnerExpertise}}

                请核对合作方是否符合所申报计划的要求。{{#proposalId}}企业尚未收到此匹配：核对后用 lingyan match proposals approve {{proposalId}} --note "…" 发给企业，或 reject {{proposalId}}。{{/proposalId}}
                查看：lingyan match partners {{formId}}、lingyan partners show {{partnerId}}
                \(Self.separator)
                Form {{formId}} ({{organizationEn}}, {{technicalArea}}) matches partner profile {{partnerId}}:
                Partner: {{partnerName}} ({{partnerCountryEn}}, {{partnerKindEn}}; source {{partnerSource}})
                Fields in common: {{fieldsEn}}
                Score: {{score}}
                {{#reasons}}
                - {{en}}
                {{/reasons}}

                Check that the partner fits the call.{{#proposalId}} The enterprise has not been told yet: send it with
                lingyan match proposals approve {{proposalId}} --note "…", or reject {{proposalId}}.{{/proposalId}}
                To look: lingyan match partners {{formId}}, lingyan partners show {{partnerId}}
                """
        case .deadlineEnterprise:
            return """
                Subject: 申报截止提醒：还有 {{daysLeft}} 天 / {{daysLeft}} days to the deadline: {{callTitleEn}}

                {{organizationZh}}：

                您好！贵单位的需求信息表（编号 {{formId}}）寻求与{{countriesZh}}合作。{{callTitleZh}}将于 {{deadline}} 截止申报，距截止还有 {{daysLeft}} 天。
                外方主管部门：{{authorityZh}} {{authorityWebsite}}

                如计划申报，请尽早与外方合作伙伴确认合作内容，并按申报通知准备材料；需要协助请联系服务中心。

                {{signatureZh}}
                \(Self.separator)
                Dear {{organizationEn}},

                Your partner search form {{formId}} seeks partners in {{countriesEn}}. {{callTitleEn}} closes on {{deadline}},
                {{daysLeft}} days from today.
                Foreign agency: {{authorityEn}} {{authorityWebsite}}

                If you plan to apply, agree the joint project with your foreign partner soon and prepare the application as
                the call describes; the service centre is glad to help.

                {{signatureEn}}
                """
        case .deadlineStaff:
            return """
                Subject: 截止提醒 / Deadline in {{daysLeft}} days: {{callId}} ({{deadline}}), {{formCount}} open forms

                {{callTitleZh}}将于 {{deadline}} 截止（还有 {{daysLeft}} 天）。以下 {{formCount}} 份寻求该国合作的需求信息表仍在办理中，企业已收到提醒：
                {{#forms}}
                - {{formId}} {{organizationZh}}（{{countriesZh}}）
                {{/forms}}
                \(Self.separator)
                {{callTitleEn}} closes on {{deadline}} ({{daysLeft}} days left). These {{formCount}} open forms seek partners in
                that country; their enterprises have been reminded:
                {{#forms}}
                - {{formId}} {{organizationZh}}
                {{/forms}}
                """
        case .deadlineSetEnterprise:
            return """
                Subject: 申报截止日期已确定：{{deadline}} / Deadline set: {{callTitleEn}} closes on {{deadline}}

                {{organizationZh}}：

                您好！此前“待双方商定”的{{callTitleZh}}申报截止日期现已确定为 {{deadline}}（距今 {{daysLeft}} 天）。贵单位的需求信息表（编号 {{formId}}）寻求与{{countriesZh}}合作，请据此安排申报准备。
                外方主管部门：{{authorityZh}} {{authorityWebsite}}

                截止前 30 天、7 天和 1 天我们还会提醒您。如需协助，请联系服务中心。

                {{signatureZh}}
                \(Self.separator)
                Dear {{organizationEn}},

                The deadline of {{callTitleEn}}, until now to be agreed between the two funders, is set: applications close
                on {{deadline}} ({{daysLeft}} days from today). Your partner search form {{formId}} seeks partners in
                {{countriesEn}}, so please plan your application accordingly.
                Foreign agency: {{authorityEn}} {{authorityWebsite}}

                We will remind you 30, 7 and 1 days before the deadline. The service centre is glad to help.

                {{signatureEn}}
                """
        case .formExpiringEnterprise:
            return """
                Subject: 需求信息表即将到期 / Your partner search form expires on {{expiresOn}} ({{formId}})

                {{organizationZh}}：

                您好！贵单位的需求信息表（编号 {{formId}}）将于 {{expiresOn}} 到期（还有 {{daysLeft}} 天），到期后不再向合作机构推荐。如仍在寻找合作伙伴，请在到期前来电或来信告知服务中心，我们将为您续期一年。

                {{signatureZh}}
                \(Self.separator)
                Dear {{organizationEn}},

                Your partner search form {{formId}} expires on {{expiresOn}} ({{daysLeft}} days from today); after that it is
                no longer passed to partner organisations. If you are still looking for partners, call or write to the
                service centre before then and we will renew it for another year.

                {{signatureEn}}
                """
        case .introductionProposedEnterprise:
            return """
                Subject: 拟为您引荐合作伙伴：{{partnerName}} / An introduction we propose: {{partnerName}} ({{formId}})

                {{organizationZh}}：

                您好！针对贵单位的合作需求（编号 {{formId}}），我们拟将贵单位引荐给：
                {{partnerName}}（{{partnerCountryZh}}，{{partnerKindZh}}）
                对方专长：{{partnerExpertise}}
                {{#partnerOffers}}
                对方可提供：{{partnerOffers}}
                {{/partnerOffers}}

                我们也已向对方介绍贵单位的需求。如贵单位同意引荐，请回复本邮件；双方均同意后，我们会把双方联系方式发给彼此。

                {{signatureZh}}
                \(Self.separator)
                Dear {{organizationEn}},

                For your partner search {{formId}} we propose to introduce you to:
                {{partnerName}} ({{partnerCountryEn}}, {{partnerKindEn}})
                Their expertise: {{partnerExpertise}}
                {{#partnerOffers}}
                They offer: {{partnerOffers}}
                {{/partnerOffers}}

                We have described your need to them as well. If you agree to the introduction, reply to this e-mail; once
                both sides agree, we will send each of you the other's contact details.

                {{signatureEn}}
                """
        case .introductionProposedPartner:
            return """
                Subject: A Zhejiang company seeks a partner in your field ({{technicalArea}})

                Dear {{#partnerContactName}}{{partnerContactName}}{{/partnerContactName}}{{^partnerContactName}}colleagues at {{partnerName}}{{/partnerContactName}},

                The Zhejiang Science and Technology Exchange and Talent Service Centre helps enterprises of Zhejiang
                Province, China, find international partners for joint research and development under the province's
                international cooperation programme. One of them, {{organizationEn}} ({{city}}), is looking for a partner
                with your expertise:

                Technical area: {{technicalArea}}
                The joint project: {{projectDescription}}
                Expertise sought: {{expertiseSought}}
                What the partner would contribute: {{contributionSought}}

                If you would like to be introduced, please reply to this e-mail. We pass on contact details only when
                both sides have agreed.

                {{signatureEn}}
                """
        case .introductionMadeEnterprise:
            return """
                Subject: 引荐已完成：{{partnerName}} 的联系方式 / Introduction made: contact details of {{partnerName}}

                {{organizationZh}}：

                您好！双方均已同意，现将{{partnerName}}（{{partnerCountryZh}}）的联系方式告知贵单位（对方也已收到贵单位的联系方式）：
                联系人：{{partnerContactName}}
                电子邮件：{{partnerContactEmail}}
                电话：{{partnerContactPhone}}
                网站：{{partnerWebsite}}

                请尽快与对方联系，商谈合作内容。申报国际科技合作项目时，如需协助，请联系服务中心。

                {{signatureZh}}
                \(Self.separator)
                Dear {{organizationEn}},

                Both sides have agreed, so here are the contact details of {{partnerName}} ({{partnerCountryEn}}); they have
                received yours:
                Contact: {{partnerContactName}}
                E-mail: {{partnerContactEmail}}
                Phone: {{partnerContactPhone}}
                Website: {{partnerWebsite}}

                Please contact them soon to discuss the cooperation. The service centre is glad to help with the application.

                {{signatureEn}}
                """
        case .introductionMadePartner:
            return """
                Subject: Introduction: {{organizationEn}}, Zhejiang, China

                Dear {{#partnerContactName}}{{partnerContactName}}{{/partnerContactName}}{{^partnerContactName}}colleagues at {{partnerName}}{{/partnerContactName}},

                Thank you for agreeing to be introduced. {{organizationEn}} has agreed too; here are their details (they
                have received yours):

                Organisation: {{organizationEn}} ({{organizationZh}}), {{city}}
                Technical area: {{technicalArea}}
                The joint project: {{projectDescription}}
                Contact: {{enterpriseContactName}}{{#enterpriseContactPosition}}, {{enterpriseContactPosition}}{{/enterpriseContactPosition}}
                E-mail: {{enterpriseContactEmail}}
                Phone: {{enterpriseContactPhone}}
                Website: {{enterpriseWebsite}}

                We wish you a fruitful cooperation.

                {{signatureEn}}
                """
        case .profileExpiringStaff:
            return """
                Subject: 合作方档案即将过期 / {{profileCount}} partner profiles expire by {{lastDay}}

                以下 {{profileCount}} 个合作方档案将在 {{withinDays}} 天内过期，过期后不再参与匹配。如仍有效，请向来源机构索取更新后重新导入，或修改有效期（lingyan partners update）：
                {{#profiles}}
                - {{partnerId}} {{partnerName}}（{{partnerCountryZh}}），来源 {{partnerSource}}，{{expiresOn}} 到期（{{daysLeft}} 天后）
                {{/profiles}}
                {{#more}}
                ……另有 {{more}} 个，见 lingyan partners list --expiring-by {{lastDay}}
                {{/more}}
                \(Self.separator)
                These {{profileCount}} partner profiles expire within {{withinDays}} days and are no longer matched after
                that. If they are still valid, ask their source for an update and import it again, or change the date
                (lingyan partners update):
                {{#profiles}}
                - {{partnerId}} {{partnerName}}, source {{partnerSource}}, expires {{expiresOn}} (in {{daysLeft}} days)
                {{/profiles}}
                {{#more}}
                … and {{more}} more: lingyan partners list --expiring-by {{lastDay}}
                {{/more}}
                """
        }
    }
}
