package config

import (
	"bytes"
	"flag"
	"log/slog"
	"strings"
	"testing"
)

func TestFlagsOverrideEnvironment(t *testing.T) {
	t.Setenv("KANAL_ADDR", "127.0.0.1:9000")
	t.Setenv("KANAL_DB", "postgres://kanal:hemmelig@db/kanal")
	t.Setenv("KANAL_DEMO", "false")
	t.Setenv("KANAL_STRATEGIES", "a.yaml, b.yaml")
	c, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:9000" || c.Demo.Or(true) || len(c.Strategies) != 2 {
		t.Errorf("from environment: %+v", c)
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.BindServe(fs)
	if err := fs.Parse([]string{"--addr", ":8081", "--demo", "--strategy", "c.yaml"}); err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8081" || !c.Demo.Or(false) || len(c.Strategies) != 3 {
		t.Errorf("flags should override: %+v", c)
	}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("config", "config", c)
	if strings.Contains(logs.String(), "hemmelig") {
		t.Errorf("the printed configuration leaks the database password: %s", logs.String())
	}
}

func TestDefaults(t *testing.T) {
	for _, v := range []string{"KANAL_ADDR", "KANAL_DB", "KANAL_DEMO", "KANAL_STRATEGIES", "KANAL_LANG"} {
		t.Setenv(v, "")
	}
	c, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != DefaultAddr || c.DB != DefaultDB || c.Demo.IsSet || c.Lang != "da" {
		t.Errorf("defaults: %+v", c)
	}
	t.Setenv("KANAL_DEMO", "maybe")
	if _, err := FromEnv(); err == nil {
		t.Error("KANAL_DEMO=maybe accepted")
	}
	if _, err := (Config{LogLevel: "loud", LogFormat: "text"}).Logger(&bytes.Buffer{}); err == nil {
		t.Error("unknown log level accepted")
	}
}
