package open311

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// TestReadsLimitedAcrossInstances: two instances counting in their
// shared database (RateCounts) allow one address ReadsPerMinute reads a
// minute between them, not each; the next minute it reads again.
func TestReadsLimitedAcrossInstances(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			now := time.Date(2026, 3, 2, 10, 0, 30, 0, time.UTC)
			_, db := serve(t, kind, &now)
			var srvs []*httptest.Server
			for range 2 {
				svc := &hotlinesvc.Service{Store: db, Calendar: workday.Default(), Limits: hotline.Guangdong(), Now: func() time.Time { return now }}
				h := &Handler{Hotline: svc, BaseURL: "https://api.city.gov/dev", Now: func() time.Time { return now }, ReadsPerMinute: 6, RateCounts: db}
				mux := http.NewServeMux()
				h.Routes(mux)
				srv := httptest.NewServer(mux)
				t.Cleanup(srv.Close)
				srvs = append(srvs, srv)
			}
			read := func(i int) int {
				resp, err := http.Get(srvs[i%2].URL + "/open311/v2/requests.json")
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				return resp.StatusCode
			}
			for i := range 6 {
				if code := read(i); code != http.StatusOK {
					t.Fatalf("read %d: %d", i+1, code)
				}
			}
			if code := read(6); code != http.StatusTooManyRequests {
				t.Fatalf("the seventh read of the minute, on either instance: %d, want 429", code)
			}
			now = now.Add(30 * time.Second)
			if code := read(7); code != http.StatusOK {
				t.Fatalf("the next minute: %d", code)
			}
		})
	}
}
