package proposalsvc_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/officetest"
	"github.com/duban/duban/internal/proposalsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// desk is a proposals desk over a fresh database: three units, the
// office, a leader and a liaison of two units, and a clock the test
// moves.
type desk struct {
	db                        *store.DB
	svc                       *services.Services
	now                       *time.Time
	jyj, czj, zjj             int64 // 市教育局, 市财政局, 市住建局
	office, leader, ljyj, lcz authz.Principal
}

func actor(p authz.Principal) audit.Actor { return audit.Actor{ID: p.UserID, Username: p.Username} }

func newDesk(t *testing.T, kind string, start time.Time) *desk {
	t.Helper()
	ctx := context.Background()
	now := start
	opts := storetest.Options(t, kind)
	opts.Now = func() time.Time { return now }
	db := storetest.OpenWith(t, opts)
	d := &desk{db: db, now: &now}
	d.svc = services.New(db, services.Options{Policy: auth.DefaultPolicy, Now: func() time.Time { return now }, Issuer: "市政府督查室"})
	if err := d.svc.Calendar.Load(ctx); err != nil {
		t.Fatal(err)
	}
	for _, u := range []struct {
		name string
		id   *int64
	}{{"市教育局", &d.jyj}, {"市财政局", &d.czj}, {"市住建局", &d.zjj}} {
		unit, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: u.name, Kind: records.UnitDepartment})
		if err != nil {
			t.Fatal(err)
		}
		*u.id = unit.ID
	}
	for _, u := range []struct {
		name  string
		role  authz.Role
		units []int64
		p     *authz.Principal
	}{{"ducha", authz.Office, nil, &d.office}, {"lingdao", authz.Leader, nil, &d.leader},
		{"jiaoyu", authz.Liaison, []int64{d.jyj}, &d.ljyj}, {"caizheng", authz.Liaison, []int64{d.czj}, &d.lcz}} {
		user, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: u.name, PasswordHash: "x", Role: u.role, Units: u.units})
		if err != nil {
			t.Fatal(err)
		}
		*u.p = authz.Principal{UserID: user.ID, Username: u.name, Role: u.role, Units: u.units}
	}
	return d
}

// day is a China date at 10:00 local time.
func day(y int, m time.Month, dd int) time.Time {
	return time.Date(y, m, dd, 10, 0, 0, 0, workday.Zone)
}

// sheet writes the 人大 list as its office sends it: a title row, the
// header, then rows.
func sheet(t *testing.T, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	s := f.GetSheetName(0)
	all := append([][]string{{"2026年市人大十七届五次会议代表建议交办清单"},
		{"编号", "标题", "领衔代表", "代表团", "联系电话", "内容", "类别", "重点", "紧急", "不公开", "主办单位", "会办单位"}}, rows...)
	for i, r := range all {
		for j, v := range r {
			c, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue(s, c, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func twenty() [][]string {
	var rows [][]string
	leads := []string{"市教育局", "市财政局", "市住建局"}
	for i := 1; i <= 20; i++ {
		urgent, co := "", ""
		if i == 7 {
			urgent = "是"
		}
		if i%5 == 0 {
			co = "市财政局"
		}
		rows = append(rows, []string{fmt.Sprint(i), fmt.Sprintf("关于改善第%d项民生事项的建议", i), fmt.Sprintf("代表%d", i), "城东代表团",
			"1390000" + fmt.Sprintf("%04d", i), "建议内容若干。", "教育", "", urgent, "", leads[i%len(leads)], co})
	}
	return rows
}

// TestImportTwentyAssignsWithTimeLimit, on both databases: the 人大's
// list of 20 建议, each with its 主办 unit, imports on Friday 7 August
// 2026; each is 交办 that day, due three months later — 7 November is a
// Saturday, so Monday 9 November — and the urgent one a month later, 7
// September. On 10 November the unanswered ones are late: the office's
// desk lists all 19, 市教育局's liaison only its own 5; the answered one
// is not.
func TestImportTwentyAssignsWithTimeLimit(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, day(2026, 8, 7))
			ps := d.svc.Proposals
			ids, err := ps.Import(ctx, d.office, actor(d.office), records.ProposalSuggestion, 2026, sheet(t, twenty()))
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != 20 {
				t.Fatalf("imported %d", len(ids))
			}
			list, err := ps.Proposals(ctx, d.office, records.ProposalFilter{Year: 2026})
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 20 {
				t.Fatalf("listed %d", len(list))
			}
			for _, p := range list {
				want := "2026-11-09"
				if p.Number == "7" {
					want = "2026-09-07"
				}
				if p.State != records.ProposalAssigned || p.LeadUnitID == 0 || p.AssignedOn != "2026-08-07" || p.Due != want {
					t.Errorf("%s: state %s lead %d assigned %s due %s, want due %s", p.Number, p.State, p.LeadUnitID, p.AssignedOn, p.Due, want)
				}
				if p.Number == "5" && (len(p.CoUnits) != 1 || p.CoUnits[0].UnitID != d.czj) {
					t.Errorf("5's 会办 units %+v", p.CoUnits)
				}
				if p.Phone == "" || !strings.HasPrefix(p.Phone, "1390000") {
					t.Errorf("the office reads %s's phone %q", p.Number, p.Phone)
				}
			}
			mine, err := ps.Proposals(ctx, d.ljyj, records.ProposalFilter{Year: 2026})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range mine {
				if p.LeadUnitID != d.jyj {
					t.Errorf("教育局's liaison lists %s of unit %d", p.Number, p.LeadUnitID)
				}
			}
			if len(mine) != 6 {
				t.Errorf("教育局 lists %d", len(mine))
			}
			lead := list[0]
			for _, p := range list {
				if p.LeadUnitID == d.jyj && len(p.CoUnits) == 0 && p.Number != "7" {
					lead = p
					break
				}
			}
			*d.now = day(2026, 9, 1)
			if _, err := ps.Answer(ctx, d.ljyj, actor(d.ljyj), lead.ID, proposalsvc.Answer{Class: "A", Answer: "已采纳。", Signer: "张局长",
				Contact: "王科长 0750-1234567"}); err != nil {
				t.Fatal(err)
			}
			*d.now = day(2026, 9, 8)
			late, err := ps.Late(ctx, d.office)
			if err != nil {
				t.Fatal(err)
			}
			if len(late) != 1 || late[0].Number != "7" {
				t.Errorf("late on 8 September: %+v", late)
			}
			*d.now = day(2026, 11, 10)
			if late, err = ps.Late(ctx, d.office); err != nil || len(late) != 19 {
				t.Errorf("late on 10 November: %d, %v", len(late), err)
			}
			if late, err = ps.Late(ctx, d.ljyj); err != nil || len(late) != 5 {
				t.Errorf("教育局's late: %d, %v", len(late), err)
			}
		})
	}
}

// TestImportNamesRowAndColumn: a list with a row missing its title and a
// unit the registry does not know is refused whole, each problem named
// by its row and column; nothing is taken in.
func TestImportNamesRowAndColumn(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, "sqlite", day(2026, 8, 7))
	rows := twenty()[:3]
	rows[1][1] = ""
	rows[2][10] = "市不存在局"
	_, err := d.svc.Proposals.Import(ctx, d.office, actor(d.office), records.ProposalSuggestion, 2026, sheet(t, rows))
	e := fault.As(err)
	if e == nil || e.Code != fault.Invalid {
		t.Fatalf("import: %v", err)
	}
	say := func(key string, args ...any) string { return i18n.Lookup(i18n.ZhCN, key, args...) }
	title, unit := e.Fields["rows.000004.title"], e.Fields["rows.000005.lead"]
	if title != "proposal.error.title" || unit != "proposal.import.unit_unknown" || len(e.Fields) != 2 {
		t.Fatalf("fields %v", e.Fields)
	}
	if l := e.LabelOf(say, "rows.000004.title"); l != "第4行“标题”列（B4）" {
		t.Errorf("label %q", l)
	}
	if l := e.LabelOf(say, "rows.000005.lead"); l != "第5行“主办单位”列（K5：市不存在局）" {
		t.Errorf("label %q", l)
	}
	list, err := d.svc.Proposals.Proposals(ctx, d.office, records.ProposalFilter{})
	if err != nil || len(list) != 0 {
		t.Errorf("after a refused import: %d, %v", len(list), err)
	}
}

// TestAnswerBCreatesLedgerTask, on both databases: 交办 to 市教育局 with
// 市财政局 会办; 市教育局 cannot answer before 市财政局's opinion; its
// B-class answer (列入计划, to be done by 30 June 2027) opens a
// 督办件 task of 市教育局 due that day, which its liaison reads in the
// ledger; the answer letter is a 公文 that LibreOffice opens, with the
// class, the signature and the contact.
func TestAnswerBCreatesLedgerTask(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, day(2026, 8, 7))
			ps := d.svc.Proposals
			pr, err := ps.Create(ctx, d.office, actor(d.office), records.Proposal{Kind: records.ProposalSuggestion, Number: "101",
				Title: "关于增加城区学位供给的建议", Content: "城区学位紧张，建议新建学校。", Proposers: "李华", Delegation: "城东代表团", Phone: "13900001111"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ps.Assign(ctx, d.office, actor(d.office), pr.ID, proposalsvc.Assignment{LeadUnitID: d.jyj, CoUnitIDs: []int64{d.czj}}); err != nil {
				t.Fatal(err)
			}
			ans := proposalsvc.Answer{Class: "B", Answer: "已将新建城东小学列入2027年建设计划。", Signer: "张局长", Contact: "王科长 0750-1234567", Planned: "2027-06-30"}
			if _, err := ps.Answer(ctx, d.ljyj, actor(d.ljyj), pr.ID, ans); fault.CodeOf(err) != fault.State {
				t.Errorf("answer before the 会办 opinion: %v", err)
			}
			if _, err := ps.Answer(ctx, d.lcz, actor(d.lcz), pr.ID, ans); fault.CodeOf(err) != fault.Forbidden {
				t.Errorf("the 会办 unit answers: %v", err)
			}
			if err := ps.Opinion(ctx, d.lcz, actor(d.lcz), pr.ID, d.czj, "同意安排建设资金。"); err != nil {
				t.Fatal(err)
			}
			got, err := ps.Answer(ctx, d.ljyj, actor(d.ljyj), pr.ID, ans)
			if err != nil {
				t.Fatal(err)
			}
			if got.TaskID == 0 || got.State != records.ProposalAnswered || got.Class != "B" {
				t.Fatalf("answered %+v", got)
			}
			task, err := d.svc.Ledger.Readable(ctx, d.ljyj, got.TaskID)
			if err != nil {
				t.Fatalf("教育局 reads its commitment: %v", err)
			}
			if task.Due != "2027-06-30" || len(task.UnitLinks) != 1 || task.UnitLinks[0].UnitID != d.jyj || !strings.Contains(task.Title, pr.Title) {
				t.Errorf("task %q due %s units %+v", task.Title, task.Due, task.UnitLinks)
			}
			if m, err := d.svc.Matters.Matter(ctx, d.office, got.TaskID); err != nil || m.Kind != "commitment" {
				t.Errorf("the task's source %+v, %v", m, err)
			}
			letter, name, err := ps.Letter(ctx, d.ljyj, actor(d.ljyj), pr.ID)
			if err != nil {
				t.Fatal(err)
			}
			officetest.CheckDocx(t, name, letter)
			officetest.Require(t)
			var text strings.Builder
			for _, l := range officetest.PDFText(t, officetest.ConvertBytes(t, name, letter, "pdf", "pdf")) {
				text.WriteString(l.Text)
			}
			for _, want := range []string{"市教育局", "李华代表", "B类（所提问题列入计划逐步解决）", "新建城东小学", "签发人：张局长", "王科长", "会同市财政局"} {
				if !strings.Contains(text.String(), want) {
					t.Errorf("the letter as LibreOffice renders it lacks %q:\n%s", want, text.String())
				}
			}
		})
	}
}

// TestRedoAfterUnsatisfied: the representative rates the answer 不满意;
// only then may the office send it back; the new round is due a month
// later (on a working day), the 会办 opinion is asked again, and the
// second answer rated 满意 closes it. The first answer stays in the
// history.
func TestRedoAfterUnsatisfied(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, "sqlite", day(2026, 8, 7))
	ps := d.svc.Proposals
	pr, err := ps.Create(ctx, d.office, actor(d.office), records.Proposal{Kind: records.ProposalMotion, Number: "12", Title: "关于校园安全的提案",
		Content: "加强校园周边交通管理。", Proposers: "陈明", Delegation: "教育界"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ps.Assign(ctx, d.office, actor(d.office), pr.ID, proposalsvc.Assignment{LeadUnitID: d.jyj, CoUnitIDs: []int64{d.czj}}); err != nil {
		t.Fatal(err)
	}
	if err := ps.Opinion(ctx, d.lcz, actor(d.lcz), pr.ID, d.czj, "无意见。"); err != nil {
		t.Fatal(err)
	}
	if err := ps.Contact(ctx, d.ljyj, actor(d.ljyj), pr.ID, "", "电话沟通", "与陈明委员电话沟通答复思路。"); err != nil {
		t.Fatal(err)
	}
	if _, err := ps.Answer(ctx, d.ljyj, actor(d.ljyj), pr.ID, proposalsvc.Answer{Class: "C", Answer: "因条件限制留作参考。", Signer: "张局长", Contact: "王科长"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ps.Redo(ctx, d.office, actor(d.office), pr.ID, "委员不满意"); fault.CodeOf(err) != fault.State {
		t.Errorf("redo before feedback: %v", err)
	}
	if _, err := ps.Feedback(ctx, d.office, actor(d.office), pr.ID, proposalsvc.Feedback{Satisfaction: "unsatisfied", Text: "未解决实际问题"}); err != nil {
		t.Fatal(err)
	}
	*d.now = day(2026, 9, 30)
	got, err := ps.Redo(ctx, d.office, actor(d.office), pr.ID, "委员不满意，请重新研究")
	if err != nil {
		t.Fatal(err)
	}
	// 30 October 2026 is a Friday.
	if got.State != records.ProposalAssigned || got.Round != 2 || got.Due != "2026-10-30" || got.Answer != "" || got.CoUnits[0].OpinionAt != nil {
		t.Errorf("after redo: state %s round %d due %s answer %q co %+v", got.State, got.Round, got.Due, got.Answer, got.CoUnits)
	}
	kinds := []string{}
	for _, e := range got.Events {
		kinds = append(kinds, e.Kind)
	}
	if strings.Join(kinds, ",") != "assign,opinion,contact,answer,feedback,redo" {
		t.Errorf("events %v", kinds)
	}
	if _, err := ps.Answer(ctx, d.ljyj, actor(d.ljyj), pr.ID, proposalsvc.Answer{Class: "A", Answer: "已采纳。", Signer: "张局长", Contact: "王科长"}); fault.CodeOf(err) != fault.State {
		t.Errorf("second answer without the new opinion: %v", err)
	}
	if err := ps.Opinion(ctx, d.lcz, actor(d.lcz), pr.ID, d.czj, "同意。"); err != nil {
		t.Fatal(err)
	}
	if _, err := ps.Answer(ctx, d.ljyj, actor(d.ljyj), pr.ID, proposalsvc.Answer{Class: "A", Answer: "已采纳。", Signer: "张局长", Contact: "王科长"}); err != nil {
		t.Fatal(err)
	}
	done, err := ps.Feedback(ctx, d.office, actor(d.office), pr.ID, proposalsvc.Feedback{Satisfaction: "satisfied"})
	if err != nil || done.State != records.ProposalDone {
		t.Fatalf("after 满意: %+v, %v", done, err)
	}
}

// TestPublicOmitsPersonalData: the portal shows a published answer's
// text in full but not the phone, nor a number written into the answer;
// an answer the representative asked not to publish is not there at all;
// the statistics count both by unit.
func TestPublicOmitsPersonalData(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, "sqlite", day(2026, 8, 7))
	ps := d.svc.Proposals
	for i, noPublish := range []bool{false, true} {
		pr, err := ps.Create(ctx, d.office, actor(d.office), records.Proposal{Kind: records.ProposalSuggestion, Number: fmt.Sprint(200 + i),
			Title: fmt.Sprintf("关于加装电梯的建议%d", i), Content: "老旧小区加装电梯。", Proposers: "赵敏", Phone: "13812345678", NoPublish: noPublish})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ps.Assign(ctx, d.office, actor(d.office), pr.ID, proposalsvc.Assignment{LeadUnitID: d.zjj}); err != nil {
			t.Fatal(err)
		}
		lzjj := authz.Principal{Username: "zhujian", Role: authz.Liaison, Units: []int64{d.zjj}}
		if _, err := ps.Answer(ctx, lzjj, actor(lzjj), pr.ID, proposalsvc.Answer{Class: "A",
			Answer: "已将该小区列入加装电梯计划，赵敏代表可致电13812345678了解进度。", Signer: "刘局长", Contact: "周科长"}); err != nil {
			t.Fatal(err)
		}
	}
	pub, err := ps.Public(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(pub) != 1 || pub[0].Number != "200" || !strings.Contains(pub[0].Answer, "已将该小区列入加装电梯计划") {
		t.Fatalf("published %+v", pub)
	}
	if strings.Contains(fmt.Sprintf("%+v", pub), "13812345678") || strings.Contains(fmt.Sprintf("%+v", pub), "周科长") {
		t.Errorf("the portal shows personal data: %+v", pub)
	}
	if _, err := ps.PublicAnswer(ctx, pub[0].ID+1); !errors.Is(err, fault.ErrNotFound) {
		t.Errorf("the withheld answer: %v", err)
	}
	stats, err := ps.Stats(ctx, 2026)
	if err != nil || len(stats) != 1 || stats[0].Assigned != 2 || stats[0].Answered != 2 || stats[0].OnTime != 2 || stats[0].Classes["A"] != 2 {
		t.Errorf("stats %+v, %v", stats, err)
	}
	hint, err := ps.Proposals(ctx, d.leader, records.ProposalFilter{})
	if err != nil || len(hint) != 2 || hint[0].Phone != "138****5678" {
		t.Errorf("a leader reads the phone as %+v, %v", hint, err)
	}
}

// TestAssessmentComponent: with the scheme's proposal deductions set (2
// per late answer, 1 per 不满意), 市教育局's daily part loses 3 points
// for a 建议 answered after its limit and rated 不满意, with a line for
// each; 市财政局, which answered in time, loses none; with the numbers at
// 0 (duban's default) nothing is deducted.
func TestAssessmentComponent(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, "sqlite", day(2026, 3, 2))
	ps := d.svc.Proposals
	for i, unit := range []int64{d.jyj, d.czj} {
		pr, err := ps.Create(ctx, d.office, actor(d.office), records.Proposal{Kind: records.ProposalSuggestion, Number: fmt.Sprint(i + 1),
			Title: fmt.Sprintf("建议%d", i+1), Content: "内容。", Proposers: "李华"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ps.Assign(ctx, d.office, actor(d.office), pr.ID, proposalsvc.Assignment{LeadUnitID: unit}); err != nil {
			t.Fatal(err)
		}
	}
	*d.now = day(2026, 5, 6)
	if _, err := ps.Answer(ctx, d.lcz, actor(d.lcz), 2, proposalsvc.Answer{Class: "A", Answer: "已采纳。", Signer: "刘局长", Contact: "周科长"}); err != nil {
		t.Fatal(err)
	}
	*d.now = day(2026, 6, 10) // the limit was 2 June
	if _, err := ps.Answer(ctx, d.ljyj, actor(d.ljyj), 1, proposalsvc.Answer{Class: "C", Answer: "留作参考。", Signer: "张局长", Contact: "王科长"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ps.Feedback(ctx, d.office, actor(d.office), 1, proposalsvc.Feedback{Satisfaction: "unsatisfied"}); err != nil {
		t.Fatal(err)
	}
	year := ledger.Period{Key: "2026", Start: day(2026, 1, 1), End: day(2026, 12, 31)}
	marks, err := ps.Marks(ctx, year.Start, day(2026, 6, 10))
	if err != nil {
		t.Fatal(err)
	}
	in := assess.Input{Units: []assess.Unit{{ID: d.jyj, Name: "市教育局"}, {ID: d.czj, Name: "市财政局"}}, Proposals: marks}
	scheme := assess.Default()
	for _, s := range assess.Compute(scheme, year, day(2026, 6, 10), in, nil).Scores {
		if s.Daily != scheme.Daily.Points {
			t.Errorf("by default %s's daily part is %v", s.Unit, s.Daily)
		}
	}
	scheme.Daily.ProposalLate, scheme.Daily.ProposalUnsatisfied = 2, 1
	if err := scheme.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, s := range assess.Compute(scheme, year, day(2026, 6, 10), in, func(int64) bool { return true }).Scores {
		var keys []string
		for _, l := range s.Lines {
			if strings.HasPrefix(l.Key, "assess.line.proposal_") {
				keys = append(keys, l.Key+" "+l.Args["on"])
			}
		}
		switch s.UnitID {
		case d.jyj:
			if s.Daily != scheme.Daily.Points-3 || strings.Join(keys, ",") != "assess.line.proposal_late 2026-06-10,assess.line.proposal_unsatisfied 2026-06-10" {
				t.Errorf("市教育局: daily %v, lines %v", s.Daily, keys)
			}
		case d.czj:
			if s.Daily != scheme.Daily.Points || len(keys) != 0 {
				t.Errorf("市财政局: daily %v, lines %v", s.Daily, keys)
			}
		}
	}
}

// TestScopedOfficeStaysInScope: a county office whose scope is 市教育局
// assigns, records feedback on and sends back (重新办理) only the
// proposals of its units; one of 市财政局, or one naming 市财政局 as 会办
// unit (also in an import), is refused as outside its scope.
func TestScopedOfficeStaysInScope(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, "sqlite", day(2026, 8, 7))
	ps := d.svc.Proposals
	county := d.office
	county.Scope = []int64{d.jyj}
	outside := func(what string, err error) {
		t.Helper()
		var f *fault.Error
		if !errors.As(err, &f) || f.Code != fault.Forbidden || !strings.Contains(fmt.Sprint(f.Fields), authz.OutsideScopeKey) {
			t.Errorf("%s: %v, want refused as outside the scope", what, err)
		}
	}
	mk := func(number string) *records.Proposal {
		t.Helper()
		pr, err := ps.Create(ctx, d.office, actor(d.office), records.Proposal{Kind: records.ProposalSuggestion, Number: number,
			Title: "关于建议" + number, Content: "内容。", Proposers: "李华"})
		if err != nil {
			t.Fatal(err)
		}
		return pr
	}
	answer := func(p authz.Principal, id int64) {
		t.Helper()
		if _, err := ps.Answer(ctx, p, actor(p), id, proposalsvc.Answer{Class: "C", Answer: "留作参考。", Signer: "张局长", Contact: "王科长"}); err != nil {
			t.Fatal(err)
		}
	}
	own, other := mk("1"), mk("2")
	_, err := ps.Assign(ctx, county, actor(county), own.ID, proposalsvc.Assignment{LeadUnitID: d.czj})
	outside("county assigns to 市财政局", err)
	_, err = ps.Assign(ctx, county, actor(county), own.ID, proposalsvc.Assignment{LeadUnitID: d.jyj, CoUnitIDs: []int64{d.czj}})
	outside("county names 市财政局 as 会办", err)
	if _, err := ps.Assign(ctx, county, actor(county), own.ID, proposalsvc.Assignment{LeadUnitID: d.jyj}); err != nil {
		t.Fatalf("county assigns to its own unit: %v", err)
	}
	if _, err := ps.Assign(ctx, d.office, actor(d.office), other.ID, proposalsvc.Assignment{LeadUnitID: d.czj}); err != nil {
		t.Fatal(err)
	}
	_, err = ps.Assign(ctx, county, actor(county), other.ID, proposalsvc.Assignment{LeadUnitID: d.jyj})
	outside("county takes 市财政局's proposal to its unit", err)
	answer(d.ljyj, own.ID)
	answer(d.lcz, other.ID)
	_, err = ps.Feedback(ctx, county, actor(county), other.ID, proposalsvc.Feedback{Satisfaction: "unsatisfied"})
	outside("county records feedback on 市财政局's answer", err)
	if _, err := ps.Feedback(ctx, d.office, actor(d.office), other.ID, proposalsvc.Feedback{Satisfaction: "unsatisfied"}); err != nil {
		t.Fatal(err)
	}
	_, err = ps.Redo(ctx, county, actor(county), other.ID, "代表不满意")
	outside("county sends 市财政局's proposal back", err)
	if _, err := ps.Feedback(ctx, county, actor(county), own.ID, proposalsvc.Feedback{Satisfaction: "unsatisfied"}); err != nil {
		t.Fatalf("county records feedback on its unit's answer: %v", err)
	}
	if got, err := ps.Redo(ctx, county, actor(county), own.ID, "代表不满意"); err != nil || got.Round != 2 {
		t.Fatalf("county sends its unit's proposal back: %+v, %v", got, err)
	}
	_, err = ps.Create(ctx, county, actor(county), records.Proposal{Kind: records.ProposalSuggestion, Number: "3", Title: "关于建议3",
		Content: "内容。", Proposers: "李华", LeadUnitID: d.czj})
	outside("county takes in a proposal for 市财政局", err)
	row := func(number, co string) []string {
		return []string{number, "关于建议" + number, "王芳", "城东代表团", "", "内容。", "教育", "", "", "", "市教育局", co}
	}
	_, err = ps.Import(ctx, county, actor(county), records.ProposalSuggestion, 2026, sheet(t, [][]string{row("4", "市财政局")}))
	outside("county imports a row with 市财政局 as 会办", err)
	if ids, err := ps.Import(ctx, county, actor(county), records.ProposalSuggestion, 2026, sheet(t, [][]string{row("5", "")})); err != nil || len(ids) != 1 {
		t.Fatalf("county imports a row of its unit: %v, %v", ids, err)
	}
}

// TestDoubleAnswerLeavesOneTask: two B-class answers of the same
// proposal race — the second comes in while the first registers its
// commitment. One answer is recorded with its task; the other is
// refused and the task it had registered is revoked, so the ledger
// holds one live commitment, not an orphan 督办件.
func TestDoubleAnswerLeavesOneTask(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, day(2026, 8, 7))
			ps := d.svc.Proposals
			pr, err := ps.Create(ctx, d.office, actor(d.office), records.Proposal{Kind: records.ProposalSuggestion, Number: "101",
				Title: "关于增加城区学位供给的建议", Content: "城区学位紧张。", Proposers: "李华"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ps.Assign(ctx, d.office, actor(d.office), pr.ID, proposalsvc.Assignment{LeadUnitID: d.jyj}); err != nil {
				t.Fatal(err)
			}
			ans := proposalsvc.Answer{Class: "B", Answer: "已列入2027年建设计划。", Signer: "张局长", Contact: "王科长", Planned: "2027-06-30"}
			open := ps.Open
			var tasks []int64
			var second error
			ps.Open = func(ctx context.Context, a audit.Actor, c proposalsvc.Commitment) (int64, error) {
				id, err := open(ctx, a, c)
				tasks = append(tasks, id)
				if len(tasks) == 1 { // the double submit arrives now
					_, second = ps.Answer(ctx, d.ljyj, actor(d.ljyj), pr.ID, ans)
				}
				return id, err
			}
			_, first := ps.Answer(ctx, d.ljyj, actor(d.ljyj), pr.ID, ans)
			if second != nil || fault.CodeOf(first) != fault.State {
				t.Fatalf("the inner answer: %v; the outer one: %v, want refused as no longer in 办理", second, first)
			}
			got, err := ps.Proposal(ctx, d.office, pr.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(tasks) != 2 || got.TaskID != tasks[1] {
				t.Fatalf("tasks registered %v, the proposal's %d", tasks, got.TaskID)
			}
			status := map[int64]string{}
			for _, id := range tasks {
				task, err := d.svc.Ledger.Readable(ctx, d.office, id)
				if err != nil {
					t.Fatal(err)
				}
				status[id] = task.Status
			}
			if status[tasks[1]] == "revoked" || status[tasks[0]] != "revoked" {
				t.Errorf("task statuses %v: the recorded answer's task %d must stay, the refused one's %d be revoked", status, tasks[1], tasks[0])
			}
		})
	}
}
