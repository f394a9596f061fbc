// race_spawn.go: Go twin of race_spawn.c, built with go build -race and run
// with GOMAXPROCS=1: a chain of 10,000 spawns, a batch of 10,000 joined by a
// WaitGroup, an unbuffered ping-pong, a 2-case select. Best of five rounds.
package main

import (
	"fmt"
	"sync"
	"time"
)

const N, ROUNDS = 10000, 5

func chain(n int, done chan bool) {
	if n == 0 {
		done <- true
		return
	}
	go chain(n-1, done)
}

func spawnChain() float64 {
	done := make(chan bool)
	t0 := time.Now()
	go chain(N, done)
	<-done
	return float64(time.Since(t0).Nanoseconds()) / N
}

func spawnBatch() float64 {
	var wg sync.WaitGroup
	t0 := time.Now()
	wg.Add(N)
	for j := 0; j < N; j++ {
		go func() { wg.Done() }()
	}
	wg.Wait()
	return float64(time.Since(t0).Nanoseconds()) / N
}

func pingpong() float64 {
	const M = 200000
	ping, back := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			back <- v
		}
	}()
	t0 := time.Now()
	for i := 0; i < M; i++ {
		ping <- i
		<-back
	}
	t := float64(time.Since(t0).Nanoseconds()) / M
	close(ping)
	return t
}

func select2() float64 {
	const M = 400000
	a, b := make(chan int, 1), make(chan int, 1)
	v := 0
	t0 := time.Now()
	for i := 0; i < M; i += 2 {
		select {
		case a <- i:
		case v = <-b:
		}
		select {
		case v = <-a:
		case b <- i:
		}
	}
	_ = v
	return float64(time.Since(t0).Nanoseconds()) / M
}

func row(name string, f func() float64, unit string) {
	best := 1e300
	for round := 0; round < ROUNDS; round++ {
		if t := f(); t < best {
			best = t
		}
	}
	fmt.Printf("bench %s %.1f %s\n", name, best, unit)
}

func main() {
	row("race_spawn", spawnChain, "ns/goroutine")
	row("race_spawn_batch", spawnBatch, "ns/goroutine")
	row("race_pingpong", pingpong, "ns/roundtrip")
	row("race_select", select2, "ns/select")
}
