package notice

import "github.com/duban/duban/internal/docx"

// DefaultTemplate is the notice duban ships: one A4 page in the layout of
// a 公文 (GB/T 9704-2012), as package docx writes it. Each paragraph is
// one run, so that the placeholders are easy to see when an office copies
// it as its own template. The opening sentence is {{事由}}, worded from
// what happened (see Fields.Reason), not a fixed text with holes.
func DefaultTemplate() []byte {
	d := docx.New()
	d.Title("督办通知书")
	d.Centered("（{{级别}}）")
	d.Para(`<w:jc w:val="center"/><w:spacing w:after="480" w:line="579" w:lineRule="exact"/>`, "", "{{文号}}")
	body(d)
	return d.Bytes()
}

// LetterheadTemplate is the notice as a 红头文件: the 版头 of GB/T 9704
// (mark is the 发文机关标志, such as 某市人民政府督查室, in red 小标宋;
// the 文号 centred under it; the red rule), then the title and the same
// body as DefaultTemplate. The mark is the office's, written as it is
// given: it is the issuer's printed name, not a placeholder.
func LetterheadTemplate(mark string) []byte {
	d := docx.New()
	d.Letterhead(mark, "{{文号}}")
	d.Title("督办通知书")
	d.Para(`<w:jc w:val="center"/><w:spacing w:after="0" w:line="579" w:lineRule="exact"/>`, "", "（{{级别}}）")
	body(d)
	return d.Bytes()
}

// Template is the notice's built-in template: the 红头 one where the
// office has set its 发文机关标志 (notice_letterhead), the plain one where
// it has not.
func Template(mark string) []byte {
	if mark == "" {
		return DefaultTemplate()
	}
	return LetterheadTemplate(mark)
}

// body is what every built-in notice says under its title.
func body(d *docx.Doc) {
	d.Para("", "", "{{单位}}：")
	d.Body("{{事由}}根据督查督办工作有关规定，现予以{{级别}}。")
	d.Body("请你单位高度重视，认真分析原因，落实整改措施，于{{限期}}前完成整改，并通过督办系统报送整改反馈及佐证材料。逾期未反馈的，将按规定升级督办，并纳入年度考核。")
	d.Body("")
	d.Right("{{发文机关}}")
	d.Right("{{发文日期}}")
}
