package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/store"
)

func init() {
	register("import", "导入方案文件到数据库 (同一文件只存一次; --data 指定数据目录)", runImport)
}

// maxImportBytes bounds what import reads into memory: intake's own
// limit, so a file import refuses is one the pages would refuse as well.
const maxImportBytes = intakesvc.MaxBytes

// importResult is what happened to one file.
type importResult struct {
	name    string // as the user typed it, so they can find it
	title   string
	tasks   int
	created bool
	err     error
}

func runImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "import", "FILE... [--data DIR]")
	dataDir := fs.String("data", store.DefaultDataDir, "数据目录，数据库文件 duban.db 存放于此")
	dsn := fs.String("db", os.Getenv("DUBAN_DB"), "数据库: 空 = 数据目录中的 SQLite; postgres://… = PostgreSQL")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return fmt.Errorf("至少需要一个文件: %w", errUsage)
	}
	db, err := store.Open(ctx, envStoreOptions(*dataDir, *dsn))
	if err != nil {
		return err
	}
	defer db.Close()
	intake := newIntake(db)

	bar := newImportBar(env.Stderr, len(files))
	results := make([]importResult, 0, len(files))
	for _, f := range files {
		if ctx.Err() != nil {
			// Interrupted: the files not reached are reported, not tried.
			results = append(results, importResult{name: f, err: fmt.Errorf("已取消 (canceled): %w", ctx.Err())})
			continue
		}
		if bar != nil {
			bar.Describe(filepath.Base(f))
		}
		results = append(results, importFile(ctx, intake, f))
		if bar != nil {
			bar.Add(1)
		}
	}
	if bar != nil {
		bar.Finish()
	}

	failed := printImportSummary(env.Stdout, results)
	if failed > 0 {
		return fmt.Errorf("%d 个文件导入失败", failed)
	}
	return nil
}

// importFile reads, parses and stores one file. Every failure comes back in
// the result rather than stopping the run, and the store keeps a failed
// file's plan out entirely.
func importFile(ctx context.Context, intake *intakesvc.Service, path string) importResult {
	data, err := readLimited(path)
	if err != nil {
		return importResult{name: path, err: err}
	}
	return importBytes(ctx, intake, path, data)
}

// importBytes takes one document's bytes in through the intake service,
// with the checks the pages and the API make, as the operator at the
// console; path names it in messages and its base name is stored as the
// source. The plan is confirmed at once: `duban import` loads plans
// reviewed elsewhere.
func importBytes(ctx context.Context, intake *intakesvc.Service, path string, data []byte) importResult {
	r := importResult{name: path}
	res, err := intake.Import(ctx, intakesvc.Operator, audit.System, intakesvc.Upload{Name: path, Data: data})
	if err != nil {
		r.err = importError(err)
		return r
	}
	r.title, r.tasks, r.created = res.Title, res.Tasks, res.Created
	return r
}

// importError words intake's refusals for the console, in the
// catalogue's words.
func importError(err error) error {
	var doc *intakesvc.DocumentError
	if errors.As(err, &doc) && doc.Key != "" {
		return fmt.Errorf("%s (%w)", i18n.Lookup(i18n.Default, doc.Key), doc.Err)
	}
	var bad *intakesvc.InputError
	if errors.As(err, &bad) {
		msgs := make([]string, len(bad.Problems))
		for i, p := range bad.Problems {
			msgs[i] = i18n.Lookup(i18n.Default, p.Key)
		}
		return errors.New(strings.Join(msgs, "；"))
	}
	return err
}

// readLimited reads a whole file, refusing one too large to hold: the
// checksum must cover exactly the bytes that are parsed.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取文件: %w", err)
	}
	if len(data) > maxImportBytes {
		return nil, fmt.Errorf("文件超过 %d MB", maxImportBytes>>20)
	}
	return data, nil
}

// newImportBar returns a progress bar on w, or nil when there is no one to
// watch it: for a single file, or when w is not a terminal (a pipe, a CI
// log), where the bar's redraws would only be noise.
func newImportBar(w io.Writer, files int) *progressbar.ProgressBar {
	if files < 2 || !isTerminal(w) {
		return nil
	}
	return progressbar.NewOptions(files,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("导入"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
	)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// printImportSummary prints one line per file and then the totals, and
// returns how many files failed.
func printImportSummary(w io.Writer, results []importResult) (failed int) {
	var created, existed, tasks int
	for _, r := range results {
		if r.err != nil {
			failed++
			// docread's errors start with the file name; it is already
			// at the head of the line. A document that cannot be read
			// is said as the parse command says it.
			msg := strings.TrimPrefix(r.err.Error(), r.name+": ")
			if de := (*docread.Error)(nil); errors.As(r.err, &de) {
				msg = errorText(r.err)
			}
			fmt.Fprintf(w, "  %s → 失败: %s\n", r.name, msg)
			continue
		}
		state := "已存在"
		if r.created {
			created++
			state = "新导入"
		} else {
			existed++
		}
		tasks += r.tasks
		title := "(无标题)"
		if r.title != "" {
			title = "《" + r.title + "》"
		}
		fmt.Fprintf(w, "  %s → %s, 任务 %d 项, %s\n", r.name, title, r.tasks, state)
	}
	fmt.Fprintf(w, "%d 个文件: 新导入 %d, 已存在 %d, 失败 %d, 任务 %d 项\n",
		len(results), created, existed, failed, tasks)
	return failed
}
