package open311

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/store/storetest"
)

// secrets are the numbers as the caller wrote them and as
// digits alone: none may be readable in any answer.
var secrets = []string{"3303 0219 9001 0112 34", "330302199001011234", "１３８００１３８０００", "13800138000",
	"6222021234567890123", "zhang.san@example.cn", "张三", "501室"}

// digitsOnly is s's digits in ASCII (full-width ones too), so that a
// number written with spaces or in full-width digits is seen whole.
func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		}
	}
	return b.String()
}

// readable says which secret an answer gives away, written as it was or
// as its digits.
func readable(body string) string {
	for _, s := range secrets {
		if strings.Contains(body, s) {
			return s
		}
		if d := digitsOnly(s); len(d) >= 11 && strings.Contains(digitsOnly(body), d) {
			return s
		}
	}
	return ""
}

// TestPersonalDataNotPublished is the must-show: a request whose
// description holds an ID number written with spaces, a phone number in
// full-width digits and a bank card number, and whose address holds a
// room, comes back through the real handler with none of them readable —
// read by id, by service_request_id, in the list, in JSON and in XML —
// while the street and the matter stay.
func TestPersonalDataNotPublished(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
			srv, _ := serve(t, kind, &now)
			desc := "路灯坏了。联系人张三，身份证 3303 0219 9001 0112 34，电话１３８００１３８０００，" +
				"退款请打到6222021234567890123，邮箱 zhang.san@example.cn"
			form := url.Values{"api_key": {"xyz"}, "service_code": {"001"}, "description": {desc},
				"address_string": {"西湖区文三路123号4幢501室"}, "lat": {"30.27"}, "long": {"120.15"}}
			code, body := post(t, srv, "/requests.json", form.Encode())
			var created []struct {
				ID string `json:"service_request_id"`
			}
			if err := json.Unmarshal(body, &created); code != http.StatusCreated || err != nil || len(created) != 1 {
				t.Fatalf("post: %d %v %s", code, err, body)
			}
			id := created[0].ID
			window := "start_date=2026-03-01T00:00:00Z&end_date=2026-03-03T00:00:00Z"
			for _, path := range []string{"/requests/" + id + ".json", "/requests/" + id + ".xml", "/requests.json?" + window,
				"/requests.xml?" + window, "/requests.json?service_request_id=" + id, "/requests.json"} {
				code, body := get(t, srv, path)
				if code != http.StatusOK {
					t.Fatalf("%s: %d %s", path, code, body)
				}
				var rs []Request
				var err error
				if strings.Contains(path, ".xml") {
					var x struct {
						Requests []Request `xml:"request"`
					}
					err, rs = xml.Unmarshal(body, &x), x.Requests
				} else {
					err = json.Unmarshal(body, &rs)
				}
				if err != nil || len(rs) != 1 || rs[0].ID != id {
					t.Fatalf("%s: %v %s", path, err, body)
				}
				if s := readable(string(body)); s != "" {
					t.Errorf("%s gives %q away: %s", path, s, body)
				}
				if r := rs[0]; !strings.HasPrefix(r.Description, "路灯坏了。联系人张*") || !strings.Contains(r.Description, "**** **** **** **** 34") ||
					r.Address != "西湖区文三路***号*幢***室" {
					t.Errorf("%s: the matter or the street is lost: %q at %q", path, r.Description, r.Address)
				}
			}
		})
	}
}

// TestReadsLimited: one address reads at most ReadsPerMinute times a
// minute, the next gets 429 with Retry-After; the next minute it reads
// again. Posting is not counted.
func TestReadsLimited(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 30, 0, time.UTC)
	srv, _ := serve(t, storetest.Kinds()[0], &now)
	for i := 0; i < DefaultReadsPerMinute; i++ {
		if code, body := get(t, srv, "/requests/1.json"); code != http.StatusNotFound {
			t.Fatalf("read %d: %d %s", i, code, body)
		}
	}
	resp, err := http.Get(srv.URL + "/open311/v2/requests.json")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "31" {
		t.Errorf("read over the limit: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if code, _ := get(t, srv, "/services.json"); code != http.StatusOK {
		t.Errorf("the service list is limited too: %d", code)
	}
	now = now.Add(30 * time.Second)
	if code, body := get(t, srv, "/requests.json"); code != http.StatusOK {
		t.Errorf("the next minute: %d %s", code, body)
	}
}
