// Command gqlgenrun is `gqlgen generate --config gqlgen.yml` with the
// inline plugin added, @defer groups made only when used (deferred.go)
// and plain fields and objects marshalled without gqlgen's per-field
// machinery (plainfields.go), all in one pass over the output
// (rewrite.go); graph/generate.go runs it from the repository root.
package main

import (
	"fmt"
	"io"
	"log"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen/config"
)

func main() {
	// As gqlgen's own command without -v: its progress logs are noise.
	log.SetOutput(io.Discard)
	cfg, err := config.LoadConfig("gqlgen.yml")
	if err == nil {
		err = api.Generate(cfg, api.AddPlugin(inlinePlugin{}))
	}
	if err == nil {
		err = rewriteGenerated(cfg.Exec.Filename)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
