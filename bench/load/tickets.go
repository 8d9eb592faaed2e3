package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"sync/atomic"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
)

// ticketServices are the 12345 categories the load registers: most with
// the unit the 权责清单 names (the ticket is routed on intake), one
// without (it waits in triage).
var ticketServices = []struct{ code, name, path, typ, unit string }{
	{"zc-zx", "政策咨询", "政务服务/政策咨询", "consult", "市政府办公室"},
	{"fz-zf", "行政执法", "法治政府/行政执法", "complaint", "市法制办"},
	{"cz-bt", "补贴发放", "财政/补贴发放", "help", "市财政局"},
	{"rs-gz", "工资社保", "人力社保/工资社保", "help", "市人力社保局"},
	{"sc-jg", "市场监管", "市场监管/食品安全", "report", "市市场监管局"},
	{"zj-wy", "物业管理", "城乡建设/物业管理", "complaint", "市住建局"},
	{"qt-qt", "其他事项", "其他", "help", ""},
}

// seedTicketServices registers ticketServices over the seeded units.
func seedTicketServices(ctx context.Context, db *store.DB, units map[string]int64) ([]string, error) {
	var codes []string
	for _, s := range ticketServices {
		if err := db.SaveTicketService(ctx, audit.System, records.TicketService{Code: s.code, Name: s.name, Path: s.path, Type: s.typ,
			UnitID: units[s.unit], Active: true}); err != nil {
			return nil, err
		}
		codes = append(codes, s.code)
	}
	return codes, nil
}

// Pieces the requests are made of, so that no two tickets are alike: the
// database indexes and the audit chain see realistic, varied rows.
var (
	places   = []string{"人民路", "解放大道", "建设街", "文化路", "滨江路", "中山路", "新华街", "府前路", "环城北路", "科技园"}
	problems = []string{"路灯连续多日不亮", "小区电梯停运", "餐馆油烟扰民", "工地夜间施工噪音", "补贴迟迟未发放", "公司拖欠工资",
		"人行道被占用经营", "窨井盖缺失", "办事窗口推诿", "超市出售过期食品", "物业费上涨未公示", "社保转移办理困难"}
	asks       = []string{"请尽快处理。", "希望相关部门核实。", "已反映多次，仍未解决。", "请告知办理进度。", "存在安全隐患，请及时整改。"}
	surnames   = []string{"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴"}
	givenNames = []string{"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "军", "建华", "秀英"}
	types      = []string{"", "", "consult", "help", "complaint", "report", "suggest"}
	urgencies  = []string{"normal", "normal", "normal", "normal", "urgent"}
	channels   = []string{"phone", "phone", "phone", "web", "wechat", "app"}
)

// serial numbers the requests, one sequence for the whole run.
var serial atomic.Int64

// caseOf is one varied request's content.
type caseOf struct {
	n                      int64
	service, typ, urgency  string
	channel, text, address string
	family, given, phone   string
	email                  string
	lat, lon               float64
}

func newCase(services []string, withBlank bool) caseOf {
	n := serial.Add(1)
	c := caseOf{n: n, service: services[rand.IntN(len(services))], typ: pick(types), urgency: pick(urgencies), channel: pick(channels),
		family: pick(surnames), given: pick(givenNames), phone: fmt.Sprintf("1%d%09d", 3+rand.IntN(7), rand.IntN(1_000_000_000)),
		lat: 22.70 + rand.Float64()*0.3, lon: 113.10 + rand.Float64()*0.3}
	if withBlank && rand.IntN(8) == 0 {
		c.service = "" // no category: triage
	}
	place := pick(places)
	c.address = fmt.Sprintf("%s%d号", place, 1+rand.IntN(300))
	c.text = fmt.Sprintf("%s附近%s（第%d次来电）。%s", c.address, pick(problems), n, pick(asks))
	if rand.IntN(3) == 0 {
		c.email = fmt.Sprintf("caller%d@example.cn", n)
	}
	return c
}

func pick(s []string) string { return s[rand.IntN(len(s))] }

// apiIntake is an agent's POST /api/v1/tickets body.
func apiIntake(services []string) func() (string, string) {
	return func() (string, string) {
		c := newCase(services, true)
		b, _ := json.Marshal(map[string]any{"service_code": c.service, "type": c.typ, "urgency": c.urgency, "channel": c.channel,
			"description": c.text, "address": c.address, "lat": c.lat, "lon": c.lon, "caller_name": c.family + c.given, "caller_phone": c.phone,
			"caller_email": c.email})
		return string(b), "application/json"
	}
}

// open311Intake is a GeoReport v2 POST requests.json form; the spec
// requires a service code and a location.
func open311Intake(services []string, key string) func() (string, string) {
	return func() (string, string) {
		c := newCase(services, false)
		f := url.Values{"api_key": {key}, "service_code": {c.service}, "description": {c.text}, "address_string": {c.address},
			"lat": {strconv.FormatFloat(c.lat, 'f', 6, 64)}, "long": {strconv.FormatFloat(c.lon, 'f', 6, 64)},
			"last_name": {c.family}, "first_name": {c.given}, "phone": {c.phone}, "device_id": {fmt.Sprintf("dev-%d", c.n%500)}}
		if c.email != "" {
			f.Set("email", c.email)
		}
		return f.Encode(), "application/x-www-form-urlencoded"
	}
}
