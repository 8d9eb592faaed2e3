package open311

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// The examples of the GeoReport v2 specification
// (http://wiki.open311.org/GeoReport_v2), used as they are.
const (
	specPost = "api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078&long=-122.4212043" +
		"&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456" +
		"&first_name=john&last_name=smith&phone=111111111&description=A+large+sinkhole+is+destroying+the+street" +
		"&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg"
	specServices = "/services.json?jurisdiction_id=city.gov"
	specRequests = "/requests.json?start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z&status=open"
)

// serve is a GeoReport endpoint over a fresh database with the spec's
// service 001 ("Cans left out 24x7") and a clock set to the spec's
// examples' days.
func serve(t *testing.T, kind string, now *time.Time) (*httptest.Server, *store.DB) {
	t.Helper()
	opts := storetest.Options(t, kind)
	opts.Now = func() time.Time { return *now }
	db := storetest.OpenWith(t, opts)
	unit, err := db.CreateUnit(context.Background(), audit.System, records.UnitCreate{Name: "Department of Public Works", Kind: records.UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveTicketService(context.Background(), audit.System, records.TicketService{Code: "001", Name: "Cans left out 24x7",
		Path: "sanitation/cans", Type: "complaint", UnitID: unit.ID, Keywords: "lorem ipsum dolor", Active: true}); err != nil {
		t.Fatal(err)
	}
	svc := &hotlinesvc.Service{Store: db, Calendar: workday.Default(), Limits: hotline.Guangdong(), Now: func() time.Time { return *now }}
	h := &Handler{Hotline: svc, Keys: []string{"xyz"}, BaseURL: "https://api.city.gov/dev", Jurisdiction: "city.gov", Now: func() time.Time { return *now }}
	mux := http.NewServeMux()
	h.Routes(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, db
}

func get(t *testing.T, srv *httptest.Server, path string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(srv.URL + Prefix[:len(Prefix)-1] + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func post(t *testing.T, srv *httptest.Server, path, form string) (int, []byte) {
	t.Helper()
	resp, err := http.Post(srv.URL+Prefix[:len(Prefix)-1]+path, "application/x-www-form-urlencoded", strings.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// TestConformance runs the specification's examples: the service list,
// posting the sinkhole request, reading requests by date and status, and
// the errors, in JSON and in XML.
func TestConformance(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			now := time.Date(2010, 6, 1, 10, 0, 0, 0, time.UTC)
			srv, _ := serve(t, kind, &now)

			code, body := get(t, srv, specServices)
			var services []map[string]any
			if err := json.Unmarshal(body, &services); code != 200 || err != nil || len(services) != 1 {
				t.Fatalf("services: %d %v %s", code, err, body)
			}
			for _, field := range []string{"service_code", "service_name", "description", "metadata", "type", "keywords", "group"} {
				if _, ok := services[0][field]; !ok {
					t.Errorf("a service lacks %s: %s", field, body)
				}
			}
			if services[0]["service_code"] != "001" || services[0]["type"] != "realtime" || services[0]["group"] != "sanitation" {
				t.Errorf("service %v", services[0])
			}
			_, body = get(t, srv, "/services.xml?jurisdiction_id=city.gov")
			var xs struct {
				Services []struct {
					Code string `xml:"service_code"`
				} `xml:"service"`
			}
			if err := xml.Unmarshal(body, &xs); err != nil || len(xs.Services) != 1 || xs.Services[0].Code != "001" {
				t.Errorf("services.xml: %v %s", err, body)
			}
			if code, body := get(t, srv, "/services/001.json"); code != 200 || !strings.Contains(string(body), `"attributes":[]`) {
				t.Errorf("definition: %d %s", code, body)
			}

			code, body = post(t, srv, "/requests.json", specPost)
			var created []map[string]any
			if err := json.Unmarshal(body, &created); code != 201 || err != nil || len(created) != 1 {
				t.Fatalf("post: %d %v %s", code, err, body)
			}
			id, _ := created[0]["service_request_id"].(string)
			if id == "" || created[0]["service_notice"] == "" {
				t.Errorf("created %v", created[0])
			}
			if v, ok := created[0]["account_id"]; !ok || v != nil {
				t.Errorf("account_id %v", v)
			}

			code, body = get(t, srv, specRequests)
			var requests []map[string]any
			if err := json.Unmarshal(body, &requests); code != 200 || err != nil || len(requests) != 1 {
				t.Fatalf("requests: %d %v %s", code, err, body)
			}
			r := requests[0]
			for _, field := range []string{"service_request_id", "status", "status_notes", "service_name", "service_code", "description",
				"agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address",
				"address_id", "zipcode", "lat", "long", "media_url"} {
				if _, ok := r[field]; !ok {
					t.Errorf("a request lacks %s", field)
				}
			}
			if r["service_request_id"] != id || r["status"] != "open" || r["agency_responsible"] != "Department of Public Works" ||
				r["description"] != "A large sinkhole is destroying the street" || r["lat"] != 37.76524078 {
				t.Errorf("request %v", r)
			}
			if strings.Contains(string(body), "smit333") || strings.Contains(string(body), "111111111") || strings.Contains(string(body), "john") {
				t.Errorf("a request shows the caller: %s", body)
			}
			if _, err := time.Parse(time.RFC3339, r["requested_datetime"].(string)); err != nil {
				t.Errorf("requested_datetime %v: %v", r["requested_datetime"], err)
			}
			if _, body := get(t, srv, "/requests.json?start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z&status=closed"); string(body) != "[]\n" {
				t.Errorf("closed requests: %s", body)
			}
			_, body = get(t, srv, "/requests/"+id+".xml")
			var xr struct {
				XMLName  xml.Name `xml:"service_requests"`
				Requests []struct {
					ID     string `xml:"service_request_id"`
					Status string `xml:"status"`
				} `xml:"request"`
			}
			if err := xml.Unmarshal(body, &xr); err != nil || len(xr.Requests) != 1 || xr.Requests[0].ID != id || xr.Requests[0].Status != "open" {
				t.Errorf("request xml: %v %s", err, body)
			}

			for _, c := range []struct {
				form string
				code int
			}{
				{strings.Replace(specPost, "api_key=xyz", "api_key=wrong", 1), 403},
				{strings.Replace(specPost, "service_code=001", "service_code=", 1), 400},
				{"api_key=xyz&service_code=001&description=x", 400}, // no location
				{strings.Replace(specPost, "jurisdiction_id=city.gov", "jurisdiction_id=other.gov", 1), 404},
			} {
				code, body := post(t, srv, "/requests.json", c.form)
				var errs []struct {
					Code        int    `json:"code"`
					Description string `json:"description"`
				}
				if err := json.Unmarshal(body, &errs); code != c.code || err != nil || len(errs) != 1 || errs[0].Code != c.code || errs[0].Description == "" {
					t.Errorf("%s: %d %s, want %d", c.form, code, body, c.code)
				}
			}
			code, body = post(t, srv, "/requests.xml", strings.Replace(specPost, "api_key=xyz", "api_key=", 1))
			if code != 403 || !strings.Contains(string(body), "<errors><error><code>403</code>") {
				t.Errorf("xml error: %d %s", code, body)
			}
		})
	}
}

// TestNinetyDays: without dates, requests are those of the last 90 days.
func TestNinetyDays(t *testing.T) {
	now := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	srv, _ := serve(t, "sqlite", &now)
	form := url.Values{"api_key": {"xyz"}, "service_code": {"001"}, "address_string": {"中山路1号"}, "description": {"垃圾桶满溢，联系人 13900001111"}}
	if code, body := post(t, srv, "/requests.json", form.Encode()); code != 201 {
		t.Fatalf("%d %s", code, body)
	}
	now = now.AddDate(0, 0, 100)
	if code, body := post(t, srv, "/requests.json", form.Encode()); code != 201 {
		t.Fatalf("%d %s", code, body)
	}
	_, body := get(t, srv, "/requests.json")
	var rs []map[string]any
	if err := json.Unmarshal(body, &rs); err != nil || len(rs) != 1 {
		t.Fatalf("last 90 days: %v %s", err, body)
	}
	if d := rs[0]["description"].(string); !strings.Contains(d, "*********11") || strings.Contains(d, "1390000") {
		t.Errorf("the phone number is not masked: %v", rs[0]["description"])
	}
	_, body = get(t, srv, "/requests.json?start_date=2026-01-01T00:00:00Z")
	if err := json.Unmarshal(body, &rs); err != nil || len(rs) != 1 {
		t.Errorf("from 2026-01-01 (90 days on): %v %s", err, body)
	}
}

// TestWindowLimits: a window over 90 days or ending before it starts is
// refused with the spec's error.
func TestWindowLimits(t *testing.T) {
	now := time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC)
	srv, _ := serve(t, storetest.Kinds()[0], &now)
	for _, q := range []string{"?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z"} {
		if code, body := get(t, srv, "/requests.json"+q); code != http.StatusBadRequest || !strings.Contains(string(body), "description") {
			t.Errorf("%s: %d %s", q, code, body)
		}
	}
}
