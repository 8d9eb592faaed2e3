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
	d.Para("", "", "{{单位}}：")
	d.Body("{{事由}}根据督查督办工作有关规定，现予以{{级别}}。")
	d.Body("请你单位高度重视，认真分析原因，落实整改措施，于{{限期}}前完成整改，并通过督办系统报送整改反馈及佐证材料。逾期未反馈的，将按规定升级督办，并纳入年度考核。")
	d.Body("")
	d.Right("{{发文机关}}")
	d.Right("{{发文日期}}")
	return d.Bytes()
}
