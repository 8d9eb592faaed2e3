package web

import (
	"slices"
	"strings"
)

// ServiceNode is a row of the category tree: one level of the paths, and
// the service placed there, if any — a level may only hold others.
type ServiceNode struct {
	Name    string // the level's own name, the path's last part
	Path    string
	Depth   int
	Service *ServiceView
	// Keywords are the service's, one by one, for showing as chips.
	Keywords []string
}

// splitPath reads a category path into its levels, ignoring empty ones.
func splitPath(path string) []string {
	var out []string
	for _, p := range strings.Split(path, "/") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// serviceTree places the services by path, level by level, with a row
// for every level that holds services but is none itself, so that the
// office sees the tree the paths make. Services of the same path are
// siblings, by code; a service without a path stands at the top under
// its name.
func serviceTree(services []ServiceView) []ServiceNode {
	type placed struct {
		levels []string
		s      *ServiceView
	}
	all := make([]placed, len(services))
	for i := range services {
		levels := splitPath(services[i].Path)
		if len(levels) == 0 {
			levels = []string{services[i].Name}
		}
		all[i] = placed{levels, &services[i]}
	}
	slices.SortStableFunc(all, func(a, b placed) int {
		if c := slices.Compare(a.levels, b.levels); c != 0 {
			return c
		}
		return strings.Compare(a.s.Code, b.s.Code)
	})
	var out []ServiceNode
	var open []string // the levels of the last row
	for _, p := range all {
		parents := p.levels[:len(p.levels)-1]
		common := 0
		for common < len(parents) && common < len(open) && parents[common] == open[common] {
			common++
		}
		for d := common; d < len(parents); d++ {
			out = append(out, ServiceNode{Name: parents[d], Path: strings.Join(parents[:d+1], "/"), Depth: d})
		}
		out = append(out, ServiceNode{Name: p.levels[len(p.levels)-1], Path: strings.Join(p.levels, "/"), Depth: len(parents), Service: p.s,
			Keywords: strings.Fields(p.s.Keywords)})
		open = p.levels
	}
	return out
}
