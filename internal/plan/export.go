package plan

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Export is the plans of a municipality as they go with the strategy's
// download (plans.yaml beside strategy.yaml in strategy.zip; see
// docs/plans.md): one entry per department, its current plan.
type Export struct {
	Municipality string       `yaml:"municipality"`
	Plans        []ExportPlan `yaml:"plans"`
}

// ExportPlan is one department's plan in the export.
type ExportPlan struct {
	Department      string         `yaml:"department"`
	Version         int            `yaml:"version"`
	Status          Status         `yaml:"status"`
	ApprovedVersion int            `yaml:"approved_version,omitempty"`
	Deadline        string         `yaml:"deadline,omitempty"`
	Demo            bool           `yaml:"demo,omitempty"`
	Channels        []exportChoice `yaml:"channels"`
	Targets         []exportTarget `yaml:"targets"`
	Barriers        []exportBarier `yaml:"barriers"`
	Actions         []exportAction `yaml:"actions"`
}

type exportChoice struct {
	Area      string `yaml:"area"`
	Type      string `yaml:"type"`
	Primary   string `yaml:"primary"`
	Secondary string `yaml:"secondary,omitempty"`
	Reason    string `yaml:"reason,omitempty"`
}

type exportTarget struct {
	Measure   string  `yaml:"measure"`
	Year      int     `yaml:"year"`
	Share     float64 `yaml:"share"`
	Direction string  `yaml:"direction"`
}

type exportBarier struct {
	Category string `yaml:"category"`
	Area     string `yaml:"area,omitempty"`
	Text     string `yaml:"text"`
}

type exportAction struct {
	ID        int          `yaml:"id"`
	Title     string       `yaml:"title"`
	Owner     string       `yaml:"owner"`
	Area      string       `yaml:"area,omitempty"`
	Deadline  string       `yaml:"deadline"`
	Status    ActionStatus `yaml:"status"`
	Completed string       `yaml:"completed,omitempty"`
	Indicator string       `yaml:"indicator"`
}

// MarshalExport writes plans as the export's YAML.
func MarshalExport(municipality string, plans []Plan) ([]byte, error) {
	e := Export{Municipality: municipality, Plans: []ExportPlan{}}
	for _, p := range plans {
		x := ExportPlan{Department: p.Department, Version: p.Version, Status: p.Status, ApprovedVersion: p.ApprovedVersion,
			Deadline: dateText(p.Deadline), Demo: p.Demo,
			Channels: []exportChoice{}, Targets: []exportTarget{}, Barriers: []exportBarier{}, Actions: []exportAction{}}
		for _, c := range p.Channels {
			x.Channels = append(x.Channels, exportChoice(c))
		}
		for _, t := range p.Targets {
			x.Targets = append(x.Targets, exportTarget(t))
		}
		for _, b := range p.Barriers {
			x.Barriers = append(x.Barriers, exportBarier(b))
		}
		for _, a := range p.Actions {
			x.Actions = append(x.Actions, exportAction{a.ID, a.Title, a.Owner, a.Area, dateText(a.Deadline), a.Status, dateText(a.Completed), a.Indicator})
		}
		e.Plans = append(e.Plans, x)
	}
	return yaml.Marshal(e)
}

// ReadExport reads an export back into plans.
func ReadExport(data []byte) (string, []Plan, error) {
	var e Export
	if err := yaml.Unmarshal(data, &e); err != nil {
		return "", nil, fmt.Errorf("read plans export: %w", err)
	}
	var out []Plan
	for _, x := range e.Plans {
		p := Plan{Municipality: e.Municipality, Department: x.Department, Version: x.Version, Status: x.Status,
			ApprovedVersion: x.ApprovedVersion, Demo: x.Demo}
		var err error
		if p.Deadline, err = parseDate(x.Deadline); err != nil {
			return "", nil, fmt.Errorf("read plans export: %s: %w", x.Department, err)
		}
		for _, c := range x.Channels {
			p.Channels = append(p.Channels, AreaChannels(c))
		}
		for _, t := range x.Targets {
			p.Targets = append(p.Targets, Target(t))
		}
		for _, b := range x.Barriers {
			p.Barriers = append(p.Barriers, Barrier(b))
		}
		for _, a := range x.Actions {
			act := Action{ID: a.ID, Title: a.Title, Owner: a.Owner, Area: a.Area, Status: a.Status, Indicator: a.Indicator}
			if act.Deadline, err = parseDate(a.Deadline); err != nil {
				return "", nil, fmt.Errorf("read plans export: %s: %w", x.Department, err)
			}
			if act.Completed, err = parseDate(a.Completed); err != nil {
				return "", nil, fmt.Errorf("read plans export: %s: %w", x.Department, err)
			}
			p.Actions = append(p.Actions, act)
		}
		out = append(out, p)
	}
	return e.Municipality, out, nil
}
