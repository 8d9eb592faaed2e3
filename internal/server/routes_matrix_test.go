package server

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
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
