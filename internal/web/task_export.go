package web

import (
	"mime"
	"net/http"

	"github.com/duban/duban/internal/workday"
)

// taskExport downloads the filtered ledger as an .xlsx workbook (执行台账),
// every matching task rather than one page.
func (h *Handler) taskExport(w http.ResponseWriter, r *http.Request) {
	_, filter := readTaskFilter(r.URL.Query())
	filter.Limit, filter.Offset = 0, 0
	name := "执行台账-" + h.d.Now().In(workday.Zone).Format("20060102-1504") + ".xlsx"
	dw := &deferredHeaders{w: w, set: func(hd http.Header) {
		hd.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		hd.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
		hd.Set("Cache-Control", "no-store")
	}}
	if err := h.d.Tasks.Export(r.Context(), filter, dw); err != nil {
		if dw.started {
			// Half a workbook has gone out; all that is left is to log.
			h.logAfterStart(r, err)
			return
		}
		h.fail(w, r, err)
	}
}

// deferredHeaders sets a download's headers at its first byte, so an
// export that fails before writing still gets the HTML error page.
type deferredHeaders struct {
	w       http.ResponseWriter
	set     func(http.Header)
	started bool
}

func (d *deferredHeaders) Write(p []byte) (int, error) {
	if !d.started {
		d.started = true
		d.set(d.w.Header())
	}
	return d.w.Write(p)
}
