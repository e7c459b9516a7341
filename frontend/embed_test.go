package frontend

import (
	"io/fs"
	"regexp"
	"testing"
)

// The embedded build must contain the app's entry page and every asset it
// references; a build that was not committed or was half-copied fails here.
func TestFilesServeIndexAndAssets(t *testing.T) {
	files := Files()
	index, err := fs.ReadFile(files, "index.html")
	if err != nil {
		t.Fatalf("index.html: %v", err)
	}
	refs := regexp.MustCompile(`(?:src|href)="/(assets/[^"]+)"`).FindAllSubmatch(index, -1)
	if len(refs) < 2 {
		t.Fatalf("index.html references %d assets, want a script and a stylesheet", len(refs))
	}
	for _, m := range refs {
		if _, err := fs.Stat(files, string(m[1])); err != nil {
			t.Errorf("index.html references %s: %v", m[1], err)
		}
	}
}
