package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/plandoc"
)

func init() {
	register("parse", "解析方案文件并输出任务清单 (--json 输出结构化 JSON)", runParse)
}

func runParse(_ context.Context, env *Env, args []string) error {
	fs := newFlags(env, "parse", "FILE [--json]")
	asJSON := fs.Bool("json", false, "输出 plan-json 格式的 JSON 对象")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return fmt.Errorf("%s: %w", i18n.Lookup(i18n.Default, "cli.one_file"), errUsage)
	}
	doc, err := docread.ReadFile(files[0])
	if err != nil {
		return err
	}
	// A file with nothing in it, or nothing that reads as a task, is a
	// failure, not an untitled plan of no tasks: whoever ran the command
	// (or a script) must see that nothing was read.
	if strings.TrimSpace(docread.Text(doc)) == "" {
		return errors.New(i18n.Lookup(i18n.Default, "cli.file.empty", "file", files[0]))
	}
	plan, err := plandoc.ParseDoc(doc)
	if err != nil {
		return err
	}
	if len(plan.Tasks) == 0 {
		return errors.New(i18n.Lookup(i18n.Default, "cli.file.no_tasks", "file", files[0]))
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(plan)
	}
	printTree(env.Stdout, plan)
	printWarnings(env.Stdout, plan, i18n.Default)
	return nil
}

// printWarnings prints what the parse did not read or could not settle,
// one warning a line in the catalogue's words, then a count of each sort.
// The parts of the document are named by their line in the document's
// text, the tasks by their numbering path.
//
// The count is printed even when it is nought: a clerk who sees
// "0 处未解析" knows the whole document was read, not that the check
// did not run.
func printWarnings(w io.Writer, p *plandoc.Plan, lang i18n.Lang) {
	fmt.Fprintln(w)
	counts := map[string]int{}
	for _, x := range p.Warnings {
		counts[x.Kind]++
		fmt.Fprintf(w, "⚠ %s\n", i18n.Lookup(lang, x.MessageKey(), x.MessageArgs()...))
	}
	unread := counts[plandoc.WarnUnreadAnnex] + counts[plandoc.WarnUnreadTable] + counts[plandoc.WarnUnreadParagraph]
	fmt.Fprintln(w, i18n.Lookup(lang, "plans.warnings.summary", "n", len(p.Warnings), "unread", unread,
		"no_unit", counts[plandoc.WarnNoUnit], "no_deadline", counts[plandoc.WarnNoDeadline], "duplicate", counts[plandoc.WarnDuplicatePath]))
}

// printTree prints a plan as an indented, readable task list.
func printTree(w io.Writer, p *plandoc.Plan) {
	title := p.Title
	if title == "" {
		title = "(无标题)"
	}
	fmt.Fprintf(w, "%s\n", title)
	for _, kv := range [][2]string{{"文号", p.DocNumber}, {"发文机关", p.Issuer}, {"成文日期", p.IssuedOn}} {
		if kv[1] != "" {
			fmt.Fprintf(w, "  %s: %s\n", kv[0], kv[1])
		}
	}
	fmt.Fprintf(w, "  任务 %d 项\n\n", len(p.Tasks))
	headings := map[string]string{}
	for _, h := range p.Headings {
		headings[strings.Join(h.Path, "\x00")] = h.Title
	}
	var prev []string
	for _, t := range p.Tasks {
		common := 0
		for common < len(prev) && common < len(t.Path)-1 && prev[common] == t.Path[common] {
			common++
		}
		for d := common; d < len(t.Path)-1; d++ {
			// A level of the path that is a chapter or section of the
			// document is shown as its heading line, label and text.
			line := t.Path[d]
			if h := headings[strings.Join(t.Path[:d+1], "\x00")]; h != "" {
				line += " " + h
			}
			fmt.Fprintf(w, "%s%s\n", strings.Repeat("  ", d), line)
		}
		prev = t.Path
		ind := strings.Repeat("  ", len(t.Path)-1)
		opt := ""
		if t.Optional {
			opt = " [保障措施]"
		}
		fmt.Fprintf(w, "%s%s %s%s\n", ind, t.Path[len(t.Path)-1], t.Title, opt)
		if len(t.Units) > 0 {
			fmt.Fprintf(w, "%s    责任单位: %s", ind, strings.Join(t.Units, "、"))
			if len(t.LeadUnits) > 0 {
				fmt.Fprintf(w, " (牵头: %s)", strings.Join(t.LeadUnits, "、"))
			}
			fmt.Fprintln(w)
		}
		for _, d := range t.Deadlines {
			when := d.Due
			if d.Every != "" {
				when = map[string]string{"year": "每年", "half-year": "每半年", "quarter": "每季度", "month": "每月"}[d.Every]
			}
			fmt.Fprintf(w, "%s    时限: %s (%s)\n", ind, when, d.Text)
		}
		for _, tg := range t.Targets {
			fmt.Fprintf(w, "%s    目标: %g%s\n", ind, tg.Value, tg.Unit)
		}
		for _, m := range t.Milestones {
			fmt.Fprintf(w, "%s    节点: %s %s\n", ind, m.Due, m.Text)
		}
		if t.Weight != nil {
			fmt.Fprintf(w, "%s    分值: %g\n", ind, *t.Weight)
		}
	}
}
