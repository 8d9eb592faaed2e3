package foiasvc

import "github.com/duban/duban/internal/fault"

// problems gathers what is wrong with an input: a catalogue key at each
// field (the first problem of a field stands) and the keys' placeholders.
type problems struct{ e *fault.Error }

// at records key at field, with its placeholders as name/value pairs.
func (p *problems) at(field, key string, args ...any) {
	if p.e == nil {
		p.e = &fault.Error{Code: fault.Invalid, Fields: map[string]string{}}
	}
	if _, seen := p.e.Fields[field]; seen {
		return
	}
	p.e.Fields[field] = key
	for i := 0; i+1 < len(args); i += 2 {
		if p.e.Args == nil {
			p.e.Args = map[string]any{}
		}
		p.e.Args[args[i].(string)] = args[i+1]
	}
}

// err is the refusal, or nil when nothing was wrong.
func (p *problems) err() error {
	if p.e == nil {
		return nil
	}
	return p.e
}

// invalid is one problem at field.
func invalid(field, key string, args ...any) error {
	var p problems
	p.at(field, key, args...)
	return p.err()
}
