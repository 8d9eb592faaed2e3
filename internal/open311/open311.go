// Package open311 serves the hotline's tickets as Open311 GeoReport v2
// (http://wiki.open311.org/GeoReport_v2): discovery, the service list and
// definitions, posting a request (with an API key) and reading requests,
// each in JSON and XML. Reading needs no key and shows no caller's data:
// the descriptions and addresses are masked by pii.MaskPublic (ID, phone
// and card numbers however written, e-mail, the house under the street,
// labelled names), and reads are limited per client address so that the
// sequential ids cannot be walked at speed.
package open311

import (
	"crypto/subtle"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/basepath"
	"github.com/duban/duban/internal/clientip"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Handler serves /open311/v2/.
type Handler struct {
	Hotline *hotlinesvc.Service
	// Keys are the API keys allowed to post requests; none: posting is
	// refused.
	Keys []string
	// BaseURL is where this duban is reached, for discovery.
	BaseURL string
	// Jurisdiction is the jurisdiction_id this endpoint answers for; a
	// request naming another is refused. Empty: any.
	Jurisdiction string
	Now          func() time.Time
	// ReadsPerMinute caps the reads one client address makes in a
	// minute; 0 is DefaultReadsPerMinute.
	ReadsPerMinute int
	// RateCounts, when set, counts the reads for every instance at once
	// (several instances on one PostgreSQL); nil counts in this process.
	RateCounts RateCounter
	reads      readLimiter
}

// Prefix is where the endpoints live.
const Prefix = "/open311/v2/"

// Routes registers the endpoints on mux.
func (h *Handler) Routes(mux *http.ServeMux) {
	for _, f := range []string{"json", "xml"} {
		mux.HandleFunc("GET "+Prefix+"discovery."+f, public(h.discovery))
		mux.HandleFunc("GET "+Prefix+"services."+f, public(h.services))
		mux.HandleFunc("GET "+Prefix+"requests."+f, public(h.limited(h.requests)))
		mux.HandleFunc("POST "+Prefix+"requests."+f, h.post)
	}
	mux.HandleFunc("GET "+Prefix+"services/{file}", public(h.definition))
	mux.HandleFunc("GET "+Prefix+"requests/{file}", public(h.limited(h.request)))
}

// public lets pages of other sites (a city's map of requests) read an
// endpoint from the browser: the reads need no key, carry no cookie and
// show nothing masked data would not. Posting stays same-origin.
func public(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		next(w, r)
	}
}

// format is "json" or "xml" from the path's extension.
func format(path string) string {
	if strings.HasSuffix(path, ".xml") {
		return "xml"
	}
	return "json"
}

// apiError is one error of the spec's error list.
type apiError struct {
	XMLName     xml.Name `json:"-" xml:"error"`
	Code        int      `json:"code" xml:"code"`
	Description string   `json:"description" xml:"description"`
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	body := []apiError{{Code: status, Description: msg}}
	write(w, r, status, body, "errors")
}

// write answers v as JSON or, wrapped in root, as XML.
func write(w http.ResponseWriter, r *http.Request, status int, v any, root string) {
	if format(r.URL.Path) == "xml" {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(status)
		w.Write([]byte(xml.Header))
		enc := xml.NewEncoder(w)
		enc.Encode(wrapped{XMLName: xml.Name{Local: root}, Items: v})
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// wrapped puts a list (or one element) under a root element.
type wrapped struct {
	XMLName xml.Name
	Items   any
}

// Discovery is the endpoint's description.
type Discovery struct {
	XMLName   xml.Name   `json:"-" xml:"discovery"`
	Changeset string     `json:"changeset" xml:"changeset"`
	Contact   string     `json:"contact" xml:"contact"`
	KeyServer string     `json:"key_service" xml:"key_service"`
	Endpoints []Endpoint `json:"endpoints" xml:"endpoints>endpoint"`
}

// Endpoint is one endpoint of the discovery.
type Endpoint struct {
	Specification string   `json:"specification" xml:"specification"`
	URL           string   `json:"url" xml:"url"`
	Changeset     string   `json:"changeset" xml:"changeset"`
	Type          string   `json:"type" xml:"type"`
	Formats       []string `json:"formats" xml:"formats>format"`
}

// base is where this duban is reached, without the trailing slash:
// base_url, or without one the scheme and host the request came to
// (under the prefix a proxy serves it at), so discovery's URLs are
// absolute either way.
func (h *Handler) base(r *http.Request) string {
	if h.BaseURL != "" {
		return strings.TrimSuffix(h.BaseURL, "/")
	}
	scheme := "http"
	if clientip.Secure(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host + basepath.From(r.Context())
}

func (h *Handler) discovery(w http.ResponseWriter, r *http.Request) {
	base := h.base(r)
	d := Discovery{Changeset: "2026-12-01T00:00:00Z", Contact: "12345 政务服务便民热线", KeyServer: base + "/",
		Endpoints: []Endpoint{{Specification: "http://wiki.open311.org/GeoReport_v2", URL: base + strings.TrimSuffix(Prefix, "/"),
			Changeset: "2026-12-01T00:00:00Z", Type: "production", Formats: []string{"text/xml", "application/json"}}}}
	if format(r.URL.Path) == "xml" {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.Write([]byte(xml.Header))
		xml.NewEncoder(w).Encode(d)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(d)
}

// Service is a service of the list.
type Service struct {
	XMLName     xml.Name `json:"-" xml:"service"`
	Code        string   `json:"service_code" xml:"service_code"`
	Name        string   `json:"service_name" xml:"service_name"`
	Description string   `json:"description" xml:"description"`
	Metadata    bool     `json:"metadata" xml:"metadata"`
	Type        string   `json:"type" xml:"type"`
	Keywords    string   `json:"keywords" xml:"keywords"`
	Group       string   `json:"group" xml:"group"`
}

// jurisdiction refuses a request for another jurisdiction.
func (h *Handler) jurisdiction(w http.ResponseWriter, r *http.Request, id string) bool {
	if id != "" && h.Jurisdiction != "" && id != h.Jurisdiction {
		h.fail(w, r, http.StatusNotFound, fmt.Sprintf("jurisdiction_id %q is not served here", id))
		return false
	}
	return true
}

func (h *Handler) activeServices(r *http.Request) ([]records.TicketService, error) {
	all, err := h.Hotline.Store.TicketServices(r.Context())
	if err != nil {
		return nil, err
	}
	var out []records.TicketService
	for _, s := range all {
		if s.Active {
			out = append(out, s)
		}
	}
	return out, nil
}

func (h *Handler) services(w http.ResponseWriter, r *http.Request) {
	if !h.jurisdiction(w, r, r.URL.Query().Get("jurisdiction_id")) {
		return
	}
	all, err := h.activeServices(r)
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, "internal error")
		return
	}
	out := []Service{}
	for _, s := range all {
		group, _, _ := strings.Cut(s.Path, "/")
		out = append(out, Service{Code: s.Code, Name: s.Name, Description: hotline.Type(s.Type).Label() + "：" + s.Path,
			Type: "realtime", Keywords: strings.ReplaceAll(s.Keywords, " ", ","), Group: group})
	}
	write(w, r, http.StatusOK, out, "services")
}

// Definition is a service definition: no service asks extra attributes.
type Definition struct {
	XMLName    xml.Name `json:"-" xml:"service_definition"`
	Code       string   `json:"service_code" xml:"service_code"`
	Attributes []string `json:"attributes" xml:"attributes>attribute"`
}

func (h *Handler) definition(w http.ResponseWriter, r *http.Request) {
	code := strings.TrimSuffix(strings.TrimSuffix(r.PathValue("file"), ".json"), ".xml")
	all, err := h.activeServices(r)
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, "internal error")
		return
	}
	for _, s := range all {
		if s.Code == code {
			d := Definition{Code: code, Attributes: []string{}}
			if format(r.URL.Path) == "xml" {
				w.Header().Set("Content-Type", "text/xml; charset=utf-8")
				w.Write([]byte(xml.Header))
				xml.NewEncoder(w).Encode(d)
				return
			}
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			json.NewEncoder(w).Encode(d)
			return
		}
	}
	h.fail(w, r, http.StatusNotFound, fmt.Sprintf("service_code %q not found", code))
}

// Request is a service request as GET returns it.
type Request struct {
	XMLName     xml.Name `json:"-" xml:"request"`
	ID          string   `json:"service_request_id" xml:"service_request_id"`
	Status      string   `json:"status" xml:"status"` // open, closed
	StatusNotes string   `json:"status_notes" xml:"status_notes"`
	ServiceName string   `json:"service_name" xml:"service_name"`
	ServiceCode string   `json:"service_code" xml:"service_code"`
	Description string   `json:"description" xml:"description"`
	Agency      string   `json:"agency_responsible" xml:"agency_responsible"`
	Notice      string   `json:"service_notice" xml:"service_notice"`
	Requested   string   `json:"requested_datetime" xml:"requested_datetime"`
	Updated     string   `json:"updated_datetime" xml:"updated_datetime"`
	Expected    string   `json:"expected_datetime" xml:"expected_datetime"`
	Address     string   `json:"address" xml:"address"`
	AddressID   string   `json:"address_id" xml:"address_id"`
	Zipcode     string   `json:"zipcode" xml:"zipcode"`
	Lat         *float64 `json:"lat" xml:"lat,omitempty"`
	Long        *float64 `json:"long" xml:"long,omitempty"`
	MediaURL    string   `json:"media_url" xml:"media_url"`
}

// withheld says whether a ticket is published without its description
// and place: a 举报 names people and its reporter must stay safe.
func withheld(t *records.Ticket) bool { return t.Type == string(hotline.Report) }

func requestOf(t *records.Ticket) Request {
	status := "open"
	if t.State == string(hotline.Closed) || t.State == string(hotline.Redirected) {
		status = "closed"
	}
	r := Request{ID: strconv.FormatInt(t.ID, 10), Status: status, StatusNotes: hotline.State(t.State).Label(), ServiceName: t.ServiceName,
		ServiceCode: t.ServiceCode, Description: pii.MaskPublic(t.Description), Agency: t.Unit, Requested: w3c(t.ReceivedAt),
		Updated: w3c(t.UpdatedAt), Expected: w3c(t.DueAt), Address: pii.MaskPublic(t.Address), Lat: t.Lat, Long: t.Lon}
	if withheld(t) {
		r.Description, r.Address, r.Lat, r.Long = "（举报内容不公开）", "", nil, nil
	}
	return r
}

func w3c(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// maxRequests is the spec's cap on one answer.
const maxRequests = 1000

func (h *Handler) requests(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if !h.jurisdiction(w, r, q.Get("jurisdiction_id")) {
		return
	}
	if ids := q.Get("service_request_id"); ids != "" {
		out := []Request{}
		for _, s := range strings.Split(ids, ",") {
			id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
			if err != nil {
				h.fail(w, r, http.StatusBadRequest, fmt.Sprintf("service_request_id %q is not a number", s))
				return
			}
			if t, err := h.Hotline.Store.FindTicket(r.Context(), id); err == nil && t.ServiceCode != "" {
				out = append(out, requestOf(t))
			}
		}
		write(w, r, http.StatusOK, out, "service_requests")
		return
	}
	// The spec's default window: the last 90 days, or the 90 days before
	// end_date, or from start_date.
	end, start := h.Now(), time.Time{}
	var err error
	if s := q.Get("end_date"); s != "" {
		if end, err = time.Parse(time.RFC3339, s); err != nil {
			h.fail(w, r, http.StatusBadRequest, "end_date must be w3c format, e.g. 2026-03-01T00:00:00Z")
			return
		}
	}
	if s := q.Get("start_date"); s != "" {
		if start, err = time.Parse(time.RFC3339, s); err != nil {
			h.fail(w, r, http.StatusBadRequest, "start_date must be w3c format, e.g. 2026-03-01T00:00:00Z")
			return
		}
		if q.Get("end_date") == "" {
			end = start.AddDate(0, 0, 90)
		}
	} else {
		start = end.AddDate(0, 0, -90)
	}
	// The spec caps a window at 90 days; a reversed one is a mistake.
	switch {
	case end.Before(start):
		h.fail(w, r, http.StatusBadRequest, "start_date must be before end_date")
		return
	case end.Sub(start) > 90*24*time.Hour:
		h.fail(w, r, http.StatusBadRequest, "the window between start_date and end_date is at most 90 days")
		return
	}
	status := q.Get("status")
	if status != "" && status != "open" && status != "closed" {
		h.fail(w, r, http.StatusBadRequest, "status must be open or closed")
		return
	}
	codes := map[string]bool{}
	for _, c := range strings.Split(q.Get("service_code"), ",") {
		if c = strings.TrimSpace(c); c != "" {
			codes[c] = true
		}
	}
	out := []Request{}
	err = h.Hotline.Store.EachTicket(r.Context(), records.TicketFilter{From: start, To: end.Add(time.Second)}, func(t *records.Ticket) error {
		if len(out) == maxRequests || t.ServiceCode == "" || (len(codes) > 0 && !codes[t.ServiceCode]) {
			return nil
		}
		if rq := requestOf(t); status == "" || rq.Status == status {
			out = append(out, rq)
		}
		return nil
	})
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, "internal error")
		return
	}
	write(w, r, http.StatusOK, out, "service_requests")
}

func (h *Handler) request(w http.ResponseWriter, r *http.Request) {
	s := strings.TrimSuffix(strings.TrimSuffix(r.PathValue("file"), ".json"), ".xml")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		h.fail(w, r, http.StatusNotFound, fmt.Sprintf("service_request_id %q not found", s))
		return
	}
	t, err := h.Hotline.Store.FindTicket(r.Context(), id)
	if err != nil || t.ServiceCode == "" {
		h.fail(w, r, http.StatusNotFound, fmt.Sprintf("service_request_id %q not found", s))
		return
	}
	write(w, r, http.StatusOK, []Request{requestOf(t)}, "service_requests")
}

// Created is the answer to a posted request.
type Created struct {
	XMLName   xml.Name `json:"-" xml:"request"`
	ID        string   `json:"service_request_id" xml:"service_request_id"`
	Notice    string   `json:"service_notice" xml:"service_notice"`
	AccountID *string  `json:"account_id" xml:"account_id"`
}

func (h *Handler) validKey(key string) bool {
	for _, k := range h.Keys {
		if k != "" && subtle.ConstantTimeCompare([]byte(k), []byte(key)) == 1 {
			return true
		}
	}
	return false
}

func (h *Handler) post(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, http.StatusBadRequest, "the form could not be read")
		return
	}
	f := r.PostForm
	if !h.validKey(f.Get("api_key")) {
		h.fail(w, r, http.StatusForbidden, "api_key is missing or not valid")
		return
	}
	if !h.jurisdiction(w, r, f.Get("jurisdiction_id")) {
		return
	}
	if f.Get("service_code") == "" {
		h.fail(w, r, http.StatusBadRequest, "service_code is required")
		return
	}
	in := hotlinesvc.Intake{ServiceCode: f.Get("service_code"), Channel: "open311", Description: f.Get("description"),
		Address: f.Get("address_string"), Email: f.Get("email"), Phone: f.Get("phone"),
		Name: strings.TrimSpace(f.Get("last_name") + f.Get("first_name"))}
	lat, latErr := strconv.ParseFloat(f.Get("lat"), 64)
	lon, lonErr := strconv.ParseFloat(f.Get("long"), 64)
	switch {
	case latErr == nil && lonErr == nil && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180:
		in.Lat, in.Lon = &lat, &lon
	case in.Address == "" && f.Get("address_id") == "":
		h.fail(w, r, http.StatusBadRequest, "a location is required: lat and long, address_string or address_id")
		return
	}
	if in.Address == "" {
		in.Address = f.Get("address_id")
	}
	t, err := h.Hotline.Receive(r.Context(), audit.Actor{Username: "open311", IP: clientip.Of(r)}, in)
	switch bad := fault.As(err); {
	case bad != nil && bad.Code == fault.Invalid:
		h.fail(w, r, http.StatusBadRequest, problems(bad))
		return
	case err != nil:
		h.fail(w, r, http.StatusInternalServerError, "internal error")
		return
	}
	notice := fmt.Sprintf("已受理，将于 %s 前办结。", t.DueAt.In(workday.Zone).Format("2006-01-02 15:04"))
	write(w, r, http.StatusCreated, []Created{{ID: strconv.FormatInt(t.ID, 10), Notice: notice}}, "service_requests")
}

// problems words an intake's refusal for an Open311 client: the
// catalogue's sentences in zh-CN, the field named before each.
func problems(e *fault.Error) string {
	var args []any
	for _, k := range slices.Sorted(maps.Keys(e.Args)) {
		args = append(args, k, e.Args[k])
	}
	var out []string
	for _, f := range slices.Sorted(maps.Keys(e.Fields)) {
		out = append(out, f+": "+i18n.Lookup(i18n.ZhCN, e.Fields[f], args...))
	}
	return strings.Join(out, "；")
}
