package api

import (
	"mime"
	"net/http"
)

// unitImportTemplate downloads the .xlsx to fill in for unitImport: the
// units and accounts sheets with their headers and an example row.
func (h *Handler) unitImportTemplate(w http.ResponseWriter, r *http.Request) {
	p, _, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	data, err := h.Admin.RegistryTemplate(p)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "单位和账号导入模板.xlsx"}))
	w.Write(data)
}

// unitImport registers the units and accounts of an uploaded .xlsx
// (multipart field "file"), all or nothing; every problem comes back at
// its sheet, row and column. The accounts' one-time passwords are in the
// answer, once: they are kept nowhere in clear.
func (h *Handler) unitImport(w http.ResponseWriter, r *http.Request) {
	p, actor, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 20<<20)
	file, _, err := r.FormFile("file")
	if err != nil {
		fail(w, r, errInvalid("api.problem.file_field"))
		return
	}
	defer file.Close()
	res, err := h.Admin.ImportRegistry(r.Context(), p, actor, file)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusCreated, map[string]any{"units": nonNilSlice(res.Units), "accounts": nonNilSlice(res.Accounts)})
}
