#!/usr/bin/env bash
# Stops what slurm-up.sh started, by pid file.
for f in /run/slurmd.pid /run/slurmctld.pid; do [ -s $f ] && kill -TERM "$(cat $f)" 2>/dev/null; done
sleep 1
[ -s /run/munge/munged.pid ] && kill -TERM "$(cat /run/munge/munged.pid)" 2>/dev/null
true
