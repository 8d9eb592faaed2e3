package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// filedTicket files a 12345 ticket with a photo through the public form
// of app's server and returns the photo's download path and bytes.
func filedTicket(t *testing.T, app *App, cookie string, unitID int64) (string, []byte) {
	t.Helper()
	ctx := context.Background()
	if err := app.Store.SaveTicketService(ctx, audit.System, records.TicketService{Code: "fz-zf", Name: "行政执法", Path: "法治政府/行政执法",
		Type: "complaint", UnitID: unitID, Active: true}); err != nil {
		t.Fatal(err)
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89 backup test")
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range map[string]string{"service": "fz-zf", "type": "complaint", "description": "执法车辆占用人行道", "phone": "13900001111"} {
		mw.WriteField(k, v)
	}
	w, _ := mw.CreateFormFile("files", "现场.png")
	w.Write(png)
	mw.Close()
	req := httptest.NewRequest("POST", "/public/tickets/new", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.RemoteAddr = "192.0.2.12:40000"
	rec := httptest.NewRecorder()
	app.Server.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("filing a ticket with a photo: %d %s", rec.Code, rec.Body.String())
	}
	tickets, _ := app.Store.FindTickets(ctx, records.TicketFilter{})
	if len(tickets) != 1 {
		t.Fatalf("%d tickets", len(tickets))
	}
	code, page := getAs(t, app, cookie, fmt.Sprintf("/tickets/%d", tickets[0].ID))
	link := regexp.MustCompile(`href="(/tickets/files/\d+)" download>现场.png`).FindStringSubmatch(page)
	if code != 200 || link == nil {
		t.Fatalf("the ticket's page (%d) lists no photo", code)
	}
	return link[1], png
}

func getAs(t *testing.T, app *App, cookie, path string) (int, string) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: cookie})
	rec := httptest.NewRecorder()
	app.Server.ServeHTTP(rec, req)
	out, _ := io.ReadAll(rec.Body)
	return rec.Code, string(out)
}

// TestBackupRestoreAttachments is issue 13's must-show: a photo uploaded
// through the server is backed up with `duban backup`, restored with
// `duban restore` into a new data folder (and, on PostgreSQL, a new
// database), and downloads from the application booted on the restored
// data with the same bytes.
func TestBackupRestoreAttachments(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			app, cookies, unit := webFixture(t, kind, []string{"office"})
			link, png := filedTicket(t, app, cookies["office"], unit)
			if code, body := getAs(t, app, cookies["office"], link); code != 200 || body != string(png) {
				t.Fatalf("before the backup: %d", code)
			}
			src := []string{"--data", app.Config.DataDir}
			if app.Config.DB != "" {
				src = append(src, "--db", app.Config.DB)
			}
			file := filepath.Join(t.TempDir(), "duban.bak")
			code, out, errOut := runMain(t, append([]string{"backup", file}, src...)...)
			// On PostgreSQL the attachment is kept in the database (several
			// instances share it) and travels in the dump.
			wantBackup, wantRestore := "附件 1 个", "已恢复附件 1 个"
			if kind == "postgres" {
				wantBackup, wantRestore = "数据库中的附件 1 个", "数据库中的附件 1 个，已随数据库恢复"
			}
			if code != 0 || !strings.Contains(out, wantBackup) {
				t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
			}
			app.Close()

			dst := storetest.Options(t, kind)
			cfg := config.Defaults()
			cfg.DataDir, cfg.DB, cfg.LogLevel = filepath.Join(t.TempDir(), "restored"), dst.DSN, "error"
			cfg.TOTPRequiredRoles = nil // as the app it backed up: not about the second factor
			args := []string{"restore", file, "--data", cfg.DataDir}
			if cfg.DB != "" {
				args = append(args, "--db", cfg.DB)
			}
			code, out, errOut = runMain(t, args...)
			if code != 0 || !strings.Contains(out, wantRestore) {
				t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
			}
			restored, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
			if err != nil {
				t.Fatal(err)
			}
			defer restored.Close()
			// The session came back with the database, so the same cookie
			// signs the office in.
			if code, body := getAs(t, restored, cookies["office"], link); code != 200 || body != string(png) {
				t.Errorf("after the restore %s gives %d (%d bytes), want 200 and the photo", link, code, len(body))
			}
		})
	}
}

// TestBackupRefusesDamagedAttachment: an attachment whose content no
// longer matches its name fails the backup, which leaves nothing behind.
func TestBackupRefusesDamagedAttachment(t *testing.T) {
	app, cookies, unit := webFixture(t, "sqlite", []string{"office"})
	filedTicket(t, app, cookies["office"], unit)
	kept, _ := filepath.Glob(filepath.Join(files.DirIn(app.Config.DataDir), "*", "*"))
	if len(kept) != 1 {
		t.Fatalf("kept files: %v", kept)
	}
	if err := os.WriteFile(kept[0], []byte("bit rot"), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "duban.bak")
	code, _, errOut := runMain(t, "backup", file, "--data", app.Config.DataDir)
	if code != 1 || !strings.Contains(errOut, "damaged") {
		t.Errorf("backup over a damaged attachment: exit %d %s", code, errOut)
	}
	for _, p := range []string{file, filesBeside(file)} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s left behind", p)
		}
	}
}

// TestSweepAtStart: at start, attachments no record names and temporary
// files left by a crash are removed when older than files.SweepAge; a
// file in use, and young files that may be uploads in flight, are kept.
func TestSweepAtStart(t *testing.T) {
	ctx := context.Background()
	app, cookies, unit := webFixture(t, "sqlite", []string{"office"})
	link, png := filedTicket(t, app, cookies["office"], unit)
	cfg := app.Config
	app.Close()

	dir := files.DirIn(cfg.DataDir)
	old := time.Now().Add(-2 * files.SweepAge)
	inUse, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	if len(inUse) != 1 {
		t.Fatalf("kept files: %v", inUse)
	}
	orphanOld := filepath.Join(dir, "ab", strings.Repeat("ab", 32))
	orphanNew := filepath.Join(dir, "cd", strings.Repeat("cd", 32))
	tempOld := filepath.Join(dir, ".upload-111")
	tempNew := filepath.Join(dir, ".upload-222")
	for _, p := range []string{orphanOld, orphanNew, tempOld, tempNew} {
		os.MkdirAll(filepath.Dir(p), 0o750)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{inUse[0], orphanOld, tempOld} {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	var log bytes.Buffer
	cfg.LogLevel = "info"
	again, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: &log})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	for p, want := range map[string]bool{inUse[0]: true, orphanOld: false, orphanNew: true, tempOld: false, tempNew: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: kept %v, want %v", p, err == nil, want)
		}
	}
	if !strings.Contains(log.String(), "orphans=1 temporaries=1") {
		t.Errorf("the sweep was not logged: %s", log.String())
	}
	if code, body := getAs(t, again, cookies["office"], link); code != 200 || body != string(png) {
		t.Errorf("the file in use after the sweep: %d", code)
	}
}
