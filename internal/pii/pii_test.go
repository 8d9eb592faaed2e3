package pii

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMask: each shape of number, however written, keeps its last two
// digits and nothing more; an e-mail keeps its first letter. The people
// and numbers are invented.
func TestMask(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"身份证440101199001011234", "身份证****************34"},
		{"身份证 44010119900101123X 已核", "身份证 ****************3X 已核"},
		{"身份证 44010119900101123ｘ", "身份证 ****************3ｘ"},
		{"3303 0219 9001 0112 34", "**** **** **** **** 34"},
		{"330302-19900101-1234", "******-********-**34"},
		{"老身份证440101900101123", "老身份证*************23"},
		{"手机１３８００１３８０００", "手机*********００"},
		{"手机 1３8-0013 8０00", "手机 ***-**** **00"},
		{"电话+86 139 0000 1111。", "电话+** *** **** **11。"},
		{"座机020-87654321请回电", "座机***-******21请回电"},
		{"电话 8765 4321", "电话 **** **21"},
		{"联系电话：87654321", "联系电话：******21"},
		{"卡号6222021234567890123", "卡号*****************23"},
		{"卡号 6222 0212 3456 7890 123", "卡号 **** **** **** **** *23"},
		{"银行卡 4111-1111-1111-1111", "银行卡 ****-****-****-**11"},
		{"邮箱 zhang.san@example.cn", "邮箱 z***@example.cn"},
		{"邮箱ab＠example.cn。", "邮箱a*＠example.cn。"},
		{"x@y.cn", "*@y.cn"},
		{"13900001111@163.com", "****@163.com"},
		{"3号楼12单元", "3号楼12单元"},
	} {
		if got := Mask(c.in); got != c.want {
			t.Errorf("Mask(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestMaskLeavesAlone: what is not personal data stays as written.
func TestMaskLeavesAlone(t *testing.T) {
	for _, s := range []string{
		"2026-03-01 至 2026-04-30 完成",
		"2026-03-01 2026-04-30",
		"２０２６－０３－０１前完成",
		"投资 1234.56 万元，其中 800 万元已到位",
		"资金 12,345,678.90 元",
		"根据浙政发〔2026〕12号文件",
		"浙政办发[2026]3号",
		"任务编号 t12、第 3.2.1 项",
		"一、（三）2. 推进",
		"3月1号前报送",
		"地铁12号线",
		"2026年第12号",
		"电话会议 10:30 召开",
		"编号 20260301",
		"联系人：办公室",
		"教材第三单元",
		"订单号码 12345678",
	} {
		if got := MaskPublic(s); got != s {
			t.Errorf("MaskPublic(%q) = %q, want it unchanged", s, got)
		}
		if k := Find(s); k != nil {
			t.Errorf("Find(%q) = %v, want none", s, k)
		}
	}
}

// TestMaskPublic: for the public, the house under the street and a
// labelled name are masked too; the street and the estate stay.
func TestMaskPublic(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"西湖区文三路123号4幢501室", "西湖区文三路***号*幢***室"},
		{"阳光小区 3栋2单元1502", "阳光小区 *栋*单元1502"},
		{"幸福里5号院", "幸福里*号院"},
		{"某大厦12层", "某大厦**层"},
		{"3号楼12单元", "*号楼**单元"},
		{"联系人张三，电话13900001111", "联系人张*，电话*********11"},
		{"联系人：欧阳明反映", "联系人：欧**反映"},
		{"申请人李四的房屋", "申请人李*的房屋"},
		{"联系人王女士", "联系人王女士"},
		{"人民路", "人民路"},
	} {
		if got := MaskPublic(c.in); got != c.want {
			t.Errorf("MaskPublic(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := Mask("西湖区文三路123号4幢501室 联系人张三"); got != "西湖区文三路123号4幢501室 联系人张三" {
		t.Errorf("Mask masked an address or a name: %q", got)
	}
}

// TestFind names what a text holds, each kind once.
func TestFind(t *testing.T) {
	for in, want := range map[string][]Kind{
		"440101199001011234":              {IDNumber},
		"13800138000 与 13900001111":       {Mobile},
		"0571-87654321":                   {Landline},
		"6222021234567890123":             {BankCard},
		"12345678901234":                  {Number},
		"a.b@c.cn 联系人张三 文三路1号":            {Email, Address, Name},
		"电话 8765 4321，卡 4111111111111111": {Landline, BankCard},
	} {
		if got := Find(in); !slices.Equal(got, want) {
			t.Errorf("Find(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestMustShow is the request text: none of its numbers is
// readable after masking, in any of the ways they were written.
func TestMustShow(t *testing.T) {
	in := "身份证 3303 0219 9001 0112 34，电话１３８００１３８０００，卡号6222021234567890123"
	out := MaskPublic(in)
	for _, secret := range []string{"330302199001011234", "13800138000", "6222021234567890123"} {
		if strings.Contains(digitsOf(out), secret) || strings.Contains(digitsOf(out), secret[:11]) {
			t.Errorf("%q survives in %q", secret, out)
		}
	}
}

// digitsOf is s's digits in ASCII, everything else dropped, so that a
// number written with separators or full-width digits is seen whole.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isDigit(r) {
			b.WriteByte(digitValue(r))
		}
	}
	return b.String()
}

// BenchmarkMaskPublic masks a 12345 request of ordinary length holding
// an ID number, a phone number, a card number and an address.
func BenchmarkMaskPublic(b *testing.B) {
	s := strings.Repeat("市民反映文三路123号4幢501室楼下噪音扰民，身份证 3303 0219 9001 0112 34，电话１３８００１３８０００。", 4)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		MaskPublic(s)
	}
}

// TestViews: one entry per user and record in ViewQuiet; another user,
// another record or a later look is recorded; a view not noted (its
// entry failed) is due again.
func TestViews(t *testing.T) {
	var v Views
	if !v.Due(3, "ticket:1", time.Now()) || !v.Due(3, "ticket:1", time.Now()) {
		t.Error("a view never noted is not due")
	}
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	steps := []struct {
		user   int64
		record string
		at     time.Duration
		want   bool
	}{
		{1, "ticket:7", 0, true},
		{1, "ticket:7", time.Minute, false},
		{1, "ticket:7", 9 * time.Minute, false},
		{2, "ticket:7", 9 * time.Minute, true},
		{1, "ticket:8", 9 * time.Minute, true},
		{1, "foia:7", 9 * time.Minute, true},
		{1, "ticket:7", 10 * time.Minute, true},
		{1, "ticket:7", 11 * time.Minute, false},
	}
	for i, s := range steps {
		got := v.Due(s.user, s.record, t0.Add(s.at))
		if got != s.want {
			t.Errorf("step %d (%d %s +%s): Due = %v, want %v", i, s.user, s.record, s.at, got, s.want)
		}
		if got {
			v.Note(s.user, s.record, t0.Add(s.at))
		}
	}
}

// TestHints: a field keeps a hint of its value, and a field written in
// full-width digits or Chinese stays valid text.
func TestHints(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{NameHint("欧阳明"), "欧**"},
		{NameHint(""), ""},
		{PhoneHint("13900001111"), "139****1111"},
		{PhoneHint("１３９００００１１１１"), "１３９****１１１１"},
		{PhoneHint("87654321"), "******21"},
		{PhoneHint("1"), "*"},
		{EmailHint("ouyang@example.cn"), "o***@example.cn"},
		{EmailHint("张三@example.cn"), "张***@example.cn"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
