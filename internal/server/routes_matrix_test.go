package server

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// apiRoutes are the API's routes as internal/api/routes.go's table
// declares them: "METHOD /pattern".
func apiRoutes(t *testing.T) []string {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "../api/routes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(file, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || spec.Names[0].Name != "routes" || len(spec.Values) != 1 {
			return true
		}
		table, ok := spec.Values[0].(*ast.CompositeLit)
		if !ok {
			t.Fatal("routes is not a table")
		}
		for _, el := range table.Elts {
			row, ok := el.(*ast.CompositeLit)
			if !ok || len(row.Elts) < 2 {
				t.Fatalf("routes: a row that is not {method, path, handler}")
			}
			method, err1 := strconv.Unquote(row.Elts[0].(*ast.BasicLit).Value)
			path, err2 := strconv.Unquote(row.Elts[1].(*ast.BasicLit).Value)
			if err1 != nil || err2 != nil {
				t.Fatalf("routes: %v %v", err1, err2)
			}
			out = append(out, method+" "+path)
		}
		return false
	})
	if len(out) < 50 {
		t.Fatalf("read %d routes from internal/api/routes.go: the table has moved", len(out))
	}
	return out
}

// routeOf is the route of the table that serves method and path, or "".
func routeOf(routes []string, method, path string) string {
	mux := http.NewServeMux()
	for _, rt := range routes {
		mux.HandleFunc(rt, func(http.ResponseWriter, *http.Request) {})
	}
	_, pattern := mux.Handler(httptest.NewRequest(method, path, nil))
	return pattern
}

// TestEveryRouteInTheMatrix: every route of the API's table, whatever its
// method, is called by every role in TestEveryWriteByEveryRole or
// TestEveryReadByEveryRole. Adding a route without a row in one of them
// fails here, naming the route.
func TestEveryRouteInTheMatrix(t *testing.T) {
	routes := apiRoutes(t)
	covered := map[string]string{} // route → the matrix row that calls it
	f := &fixture{draftTasks: []int64{1, 2}, taskA: 1, unitA: 1, unitB: 2, bystander: 1, foiaID: 1, incident: 1, attachment: 1}
	for _, ep := range writeEndpoints() {
		if rt := routeOf(routes, ep.method, ep.path(f)); rt != "" {
			covered[rt] = "write " + ep.name
		} else {
			t.Errorf("write matrix row %q calls %s %s, which no route serves", ep.name, ep.method, ep.path(f))
		}
	}
	for _, rd := range readEndpoints() {
		if rt := routeOf(routes, "GET", rd.path(f)); rt != "" {
			covered[rt] = "read " + rd.path(f)
		} else {
			t.Errorf("read matrix row GET %s: no route serves it", rd.path(f))
		}
	}
	var missing []string
	for _, rt := range routes {
		if covered[rt] == "" {
			missing = append(missing, rt)
		}
	}
	sort.Strings(missing)
	for _, rt := range missing {
		t.Errorf("%s is in internal/api/routes.go but in neither role matrix: add a row to writeEndpoints or readEndpoints", rt)
	}
}

// operatorRoutes are the routes server.New mounts itself, beside the
// API's table and the pages: not user routes, so in neither role matrix,
// each with who may call it. TestMetricsScraperAndRefusals calls
// /metrics as every caller of the matrices.
var operatorRoutes = map[string]string{
	"GET /healthz": "anyone: liveness, says nothing",
	"GET /readyz":  "anyone: readiness, says only whether the database answers",
	metricsRoute:   "the scraper: metrics_token or an address in metrics_allow; every user refused",
}

// TestOperatorRoutesListed: every route server.go mounts outside the
// API and the pages is in operatorRoutes, and each listed one is served.
func TestOperatorRoutesListed(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), "server.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Handle" && sel.Sel.Name != "HandleFunc") {
			return true
		}
		switch a := call.Args[0].(type) {
		case *ast.BasicLit:
			p, _ := strconv.Unquote(a.Value)
			if p != "/" { // the rest of the server: the API and the pages
				found[p] = true
			}
		case *ast.Ident:
			if a.Name == "metricsRoute" {
				found[metricsRoute] = true
			} else {
				t.Errorf("server.go mounts a route named by %s: list it", a.Name)
			}
		}
		return true
	})
	for p := range found {
		if operatorRoutes[p] == "" {
			t.Errorf("server.go mounts %s, which operatorRoutes does not list with who may call it", p)
		}
	}
	for p := range operatorRoutes {
		if !found[p] {
			t.Errorf("operatorRoutes lists %s, which server.go does not mount", p)
		}
	}
	f := newFixture(t, "sqlite")
	srv := metricsServer(t, f, slog.New(slog.NewTextHandler(io.Discard, nil)))
	for p := range operatorRoutes {
		req := httptest.NewRequest("GET", strings.TrimPrefix(p, "GET "), nil)
		req.RemoteAddr = "127.0.0.1:40000"
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Errorf("%s from loopback = %d", p, rec.Code)
		}
	}
}
