package foia

import "fmt"

// Reply is the kind of answer a request gets (Art. 36–39), each with the
// row of the annual report's table it is counted in.
type Reply string

// The reply types.
const (
	PublishedAlready Reply = "published"      // 已主动公开：告知获取的方式和途径
	Disclosed        Reply = "disclosed"      // 予以公开
	PartlyDisclosed  Reply = "partly"         // 部分公开（第三十七条）
	Withheld         Reply = "withheld"       // 不予公开，告知理由
	NotHeld          Reply = "not_held"       // 本机关不掌握相关政府信息（信息不存在）
	NotOurs          Reply = "not_ours"       // 非本机关负责公开，告知负责机关
	NeedsCreating    Reply = "needs_creating" // 没有现成信息，需要另行制作
	StillUnclear     Reply = "still_unclear"  // 补正后申请内容仍不明确
	Repeated         Reply = "repeated"       // 重复申请，不予重复处理
	Petition         Reply = "petition"       // 信访、举报、投诉类申请，告知通过相应渠道提出
	Publication      Reply = "publication"    // 要求提供公开出版物
	Excessive        Reply = "excessive"      // 无正当理由大量反复申请
	Reconfirm        Reply = "reconfirm"      // 要求确认或重新出具已获取信息
	OtherRegime      Reply = "other_regime"   // 工商、不动产登记资料等，依照有关规定办理
	Abandoned        Reply = "abandoned"      // 逾期不补正，不再处理
	FeeUnpaid        Reply = "fee_unpaid"     // 逾期未缴费，不再处理
)

// Replies lists the reply types in the order of the annual report.
var Replies = []Reply{Disclosed, PublishedAlready, PartlyDisclosed, Withheld, NotHeld, NeedsCreating, StillUnclear, NotOurs,
	Petition, Repeated, Publication, Excessive, Reconfirm, OtherRegime, Abandoned, FeeUnpaid}

// Label is the reply type in Chinese.
func (r Reply) Label() string {
	return map[Reply]string{PublishedAlready: "已主动公开", Disclosed: "予以公开", PartlyDisclosed: "部分公开", Withheld: "不予公开",
		NotHeld: "信息不存在（本机关不掌握）", NotOurs: "非本机关负责公开", NeedsCreating: "没有现成信息需要另行制作", StillUnclear: "补正后申请内容仍不明确",
		Repeated: "重复申请", Petition: "信访举报投诉类申请", Publication: "要求提供公开出版物", Excessive: "无正当理由大量反复申请",
		Reconfirm: "要求确认或重新出具已获取信息", OtherRegime: "依照有关规定办理", Abandoned: "逾期不补正，不再处理", FeeUnpaid: "逾期未缴费，不再处理"}[r]
}

// Valid reports whether r is a reply type.
func (r Reply) Valid() bool { return r.Label() != "" }

// Remedies is the notice every reply ends with (Art. 51): administrative
// reconsideration within 60 days (行政复议法 第二十条) or an
// administrative suit within 6 months (行政诉讼法 第四十六条) of knowing of
// the reply. A refusal to disclose — 不予公开, and what 部分公开 withholds —
// must go to reconsideration first (行政复议法 2023 第二十三条第一款第四项),
// and the reply has to say so (第二款).
func Remedies(r Reply, reconsideration, court string) string {
	if r == Withheld || r == PartlyDisclosed {
		return fmt.Sprintf("如对本答复中不予公开的决定不服，应当自收到本答复之日起六十日内先向%s申请行政复议；对行政复议决定不服的，可以依法向%s提起行政诉讼。",
			reconsideration, court)
	}
	return fmt.Sprintf("如对本答复不服，可以自收到本答复之日起六十日内向%s申请行政复议，或者在六个月内向%s提起行政诉讼。", reconsideration, court)
}

// WithheldArticle is the article of the Regulations behind a ground of
// 不予公开 (an index into WithheldReasons), "" for 行政查询事项, whose
// basis is the statute that governs the register.
func WithheldArticle(ground int) string {
	switch ground {
	case 0, 1, 2: // 国家秘密, 法律行政法规禁止, 三安全一稳定
		return "第十四条"
	case 3: // 第三方合法权益
		return "第十五条"
	case 4: // 内部事务信息
		return "第十六条第一款"
	case 5, 6: // 过程性信息, 行政执法案卷
		return "第十六条第二款"
	}
	return ""
}
