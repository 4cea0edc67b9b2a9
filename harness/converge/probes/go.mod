module goverity.dev/converge-probe

go 1.18
