package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestTicketPhotos: through the application as serve builds it, a
// citizen files a ticket on the public form with a photo; the office sees
// it on the ticket's page and downloads it as an attachment, a liaison of
// the unit handling it too, another unit's liaison gets 404; a script
// named .png and a fourth file are refused on the form, and no ticket is
// made of them.
func TestTicketPhotos(t *testing.T) {
	kind := storetest.Kinds()[0]
	app, cookies, unitA := webFixture(t, kind, []string{"office", "liaisonA", "liaisonB"})
	ctx := context.Background()
	if err := app.Store.SaveTicketService(ctx, audit.System, records.TicketService{Code: "fz-zf", Name: "行政执法", Path: "法治政府/行政执法",
		Type: "complaint", UnitID: unitA, Active: true}); err != nil {
		t.Fatal(err)
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	file := func(files map[string][]byte, addr string) (int, string) {
		t.Helper()
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for k, v := range map[string]string{"service": "fz-zf", "type": "complaint", "description": "执法车辆占用人行道", "phone": "13900001111"} {
			mw.WriteField(k, v)
		}
		for name, data := range files {
			w, _ := mw.CreateFormFile("files", name)
			w.Write(data)
		}
		mw.Close()
		req := httptest.NewRequest("POST", "/public/tickets/new", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.RemoteAddr = addr + ":40000"
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, req)
		out, _ := io.ReadAll(rec.Body)
		return rec.Code, string(out)
	}
	get := func(caller, path string) (int, http.Header, string) {
		t.Helper()
		req := httptest.NewRequest("GET", path, nil)
		req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: cookies[caller]})
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, req)
		out, _ := io.ReadAll(rec.Body)
		return rec.Code, rec.Header(), string(out)
	}

	if code, body := file(map[string][]byte{"evil.png": []byte("<script>alert(1)</script>")}, "192.0.2.10"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "内容与扩展名不符") {
		t.Errorf("a script named .png: %d", code)
	}
	four := map[string][]byte{"1.png": png, "2.png": png, "3.png": png, "4.png": png}
	if code, _ := file(four, "192.0.2.11"); code != http.StatusUnprocessableEntity {
		t.Errorf("four files: %d", code)
	}
	if tickets, _ := app.Store.FindTickets(ctx, records.TicketFilter{}); len(tickets) != 0 {
		t.Fatalf("a refused form made %d tickets", len(tickets))
	}
	if code, _ := file(map[string][]byte{"现场.png": png}, "192.0.2.12"); code != http.StatusSeeOther {
		t.Fatalf("a ticket with a photo: %d", code)
	}
	tickets, _ := app.Store.FindTickets(ctx, records.TicketFilter{})
	if len(tickets) != 1 {
		t.Fatalf("%d tickets", len(tickets))
	}
	code, _, page := get("office", fmt.Sprintf("/tickets/%d", tickets[0].ID))
	link := regexp.MustCompile(`href="(/tickets/files/\d+)" download>现场.png`).FindStringSubmatch(page)
	if code != 200 || link == nil {
		t.Fatalf("the ticket's page (%d) lists no photo", code)
	}
	for _, c := range []struct {
		caller string
		want   int
	}{{"office", 200}, {"liaisonA", 200}, {"liaisonB", 404}} {
		code, hd, body := get(c.caller, link[1])
		if code != c.want {
			t.Errorf("%s downloads: %d, want %d", c.caller, code, c.want)
		}
		if code == 200 && (hd.Get("Content-Type") != "image/png" || !strings.HasPrefix(hd.Get("Content-Disposition"), "attachment") || body != string(png)) {
			t.Errorf("%s got %s %s", c.caller, hd.Get("Content-Type"), hd.Get("Content-Disposition"))
		}
	}
}
