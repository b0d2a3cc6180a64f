#!/usr/bin/env python3
"""Checks the GitHub Actions workflows, dependabot.yml and azure.yaml of the repository.

Usage: check_workflows.py REPO_ROOT
Workflow rules: every file parses; top-level `permissions: {}`; every job has timeout-minutes;
every `uses:` is pinned to a full 40-hex commit SHA followed by a `# vX.Y.Z` comment.
"""
import pathlib
import re
import sys

import yaml

PINNED = re.compile(r"^\s*-?\s*uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+\s*$")
USES = re.compile(r"^\s*-?\s*uses:\s*(\S+)")

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
    return condition


def load(path):
    try:
        with open(path) as f:
            return yaml.safe_load(f)
    except yaml.YAMLError as error:
        failures.append(f"{path}: does not parse: {error}")
        return None


def check_workflow(path):
    workflow = load(path)
    if not expect(isinstance(workflow, dict), f"{path}: not a mapping"):
        return
    # YAML 1.1 reads the key `on` as the boolean true.
    expect("on" in workflow or True in workflow, f"{path}: no `on:` triggers")
    expect("permissions" in workflow and workflow["permissions"] == {}, f"{path}: top-level permissions is not {{}}")
    jobs = workflow.get("jobs") or {}
    expect(jobs, f"{path}: no jobs")
    for name, job in jobs.items():
        expect(isinstance(job.get("timeout-minutes"), int), f"{path}: job {name} has no timeout-minutes")
    for number, line in enumerate(path.read_text().splitlines(), 1):
        match = USES.match(line)
        if match and not match.group(1).startswith("./"):
            expect(PINNED.match(line), f"{path}:{number}: action not pinned to a commit SHA with a '# vX.Y.Z' comment: {line.strip()}")


def main(root):
    root = pathlib.Path(root)
    workflows = sorted((root / ".github" / "workflows").glob("*.y*ml"))
    expect(any(p.name == "ci.yml" for p in workflows), "no .github/workflows/ci.yml")
    expect(any(p.name == "deploy.yml" for p in workflows), "no .github/workflows/deploy.yml")
    for path in workflows:
        check_workflow(path)

    dependabot = load(root / ".github" / "dependabot.yml") or {}
    ecosystems = {u.get("package-ecosystem") for u in dependabot.get("updates", [])}
    for ecosystem in ("nuget", "npm", "github-actions"):
        expect(ecosystem in ecosystems, f"dependabot.yml: no {ecosystem} updates")

    azure = load(root / "azure.yaml") or {}
    infra = azure.get("infra", {})
    expect((root / infra.get("path", "?") / f"{infra.get('module', '?')}.bicep").is_file(),
           "azure.yaml: infra.path/module does not name a Bicep file")
    api = azure.get("services", {}).get("api", {})
    expect(api.get("host") == "function" and api.get("language") == "dotnet"
           and (root / api.get("project", "?")).is_dir(), "azure.yaml: service api is not the dotnet Functions project")

    for failure in failures:
        print(f"FAIL {failure}")
    if failures:
        return 1
    print(f"Workflow rules hold in {len(workflows)} workflow(s); dependabot.yml and azure.yaml are well-formed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
