#!/usr/bin/env python3
"""Checks the ARM JSON compiled from infra/bicep against GapMonitor's security and hosting rules.

Usage: check_arm.py MAIN_JSON CUSTOMER_ACCESS_JSON
Prints one line per failed expectation and exits 1 if there is any.
"""
import json
import re
import sys

ROLES = {
    "b7e6dc6d-f1e8-4753-8033-0f276bb0955b": "Storage Blob Data Owner",
    "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3": "Storage Table Data Contributor",
    "974c5e8b-45b9-4653-ba55-5f855dd0fb88": "Storage Queue Data Contributor",
    "4633458b-17de-408a-b874-0445c86b69e6": "Key Vault Secrets User",
    "3913510d-42f4-4e42-8a64-420c390055eb": "Monitoring Metrics Publisher",
}
CUSTOMER_ROLES = {
    "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1": "Storage Blob Data Reader",
    "73c42c96-874c-492b-b04d-ab87d138a893": "Log Analytics Reader",
}
APP_SETTINGS = [
    "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
    "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri",
    "AzureWebJobsStorage__tableServiceUri", "AZURE_CLIENT_ID",
    "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    "GapMonitor__Storage__TableServiceUri", "GapMonitor__Storage__BlobServiceUri",
    "GapMonitor__Storage__ManagedIdentityClientId", "GapMonitor__AdminApiKey",
    "GapMonitor__Email__Smtp__Host", "GapMonitor__Email__Smtp__Port",
    "GapMonitor__Email__Smtp__UserName", "GapMonitor__Email__Smtp__Password",
    "GapMonitor__Email__Smtp__From", "GapMonitor__Webhooks__AllowPrivateNetworks",
    "GapMonitor__SweepSchedule", "GapMonitor__DeliverySchedule", "GapMonitor__PullSchedule",
    "GapMonitor__PublicBaseUrl",
    "GapMonitorStorage__queueServiceUri", "GapMonitorStorage__credential",
    "GapMonitorStorage__clientId", "GapMonitorSweepQueue",
    "GapMonitor__Retention__DeletePushedBlobs",
]
TABLES = ["systems", "history", "apikeys", "idempotency", "drift", "sources", "archive"]
CONTAINERS = ["references", "telemetry", "driftreports", "pushedtelemetry", "deployments"]
# Lifecycle rules: pushed data blobs go after a week, batch-id markers (the dedup horizon) after a month.
LIFECYCLE = {"pushedtelemetry/pushed/": 7, "pushedtelemetry/pushed-batches/": 30}

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)
    return condition


def resources_of(template):
    found = template.get("resources", [])
    return list(found.values()) if isinstance(found, dict) else list(found)


def walk(template, deployment=None):
    """Yields (resource, template it is declared in, the deployment resource that holds that template)."""
    for resource in resources_of(template):
        if resource.get("existing"):
            continue
        yield resource, template, deployment
        if resource["type"] == "Microsoft.Resources/deployments":
            yield from walk(resource["properties"]["template"], resource)


def by_type(template, resource_type):
    return [(r, t, d) for r, t, d in walk(template) if r["type"].lower() == resource_type.lower()]


def resolve_array(expression, template, deployment):
    """Values of parameters('x') / variables('x') arrays, from the caller's value or the default."""
    match = re.search(r"(parameters|variables)\('([^']+)'\)", expression)
    if not match:
        return [expression]
    kind, name = match.groups()
    if kind == "variables":
        value = template.get("variables", {}).get(name)
    else:
        passed = (deployment or {}).get("properties", {}).get("parameters", {}).get(name, {})
        value = passed.get("value", template.get("parameters", {}).get(name, {}).get("defaultValue"))
    return value if isinstance(value, list) else [value]


def role_ids(assignment, template, deployment):
    expression = assignment["properties"]["roleDefinitionId"]
    ids = set()
    for value in resolve_array(expression, template, deployment):
        ids.update(re.findall(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", str(value)))
    return ids


def check_role_assignments(template, required, label):
    granted = set()
    for assignment, declared_in, deployment in by_type(template, "Microsoft.Authorization/roleAssignments"):
        name = assignment["name"]
        expect(name.startswith("[guid(") and "rincipalId" in name and "resourceId(" in name,
               f"{label}: role assignment name is not guid(scope, principalId, role): {name}")
        expect(assignment["properties"].get("principalType") == "ServicePrincipal",
               f"{label}: role assignment without principalType ServicePrincipal: {name}")
        expect("scope" in assignment, f"{label}: role assignment not scoped to a resource: {name}")
        granted |= role_ids(assignment, declared_in, deployment)
    for role_id, role in required.items():
        expect(role_id in granted, f"{label}: no role assignment grants {role} ({role_id})")


def check_main(template):
    text = json.dumps(template)
    expect(template.get("$schema", "").endswith("subscriptionDeploymentTemplate.json#"),
           "main: targetScope is not subscription")
    expect("AccountKey" not in text and "listKeys" not in text, "main: uses storage account keys")

    plans = by_type(template, "Microsoft.Web/serverfarms")
    expect(any(p["sku"].get("name") == "FC1" and p["sku"].get("tier") == "FlexConsumption" for p, _, _ in plans),
           "main: no Flex Consumption (FC1) plan")

    sites = by_type(template, "Microsoft.Web/sites")
    if expect(len(sites) == 1, f"main: expected one Function App, found {len(sites)}"):
        site = sites[0][0]
        props = site["properties"]
        config = props.get("functionAppConfig", {})
        runtime = config.get("runtime", {})
        expect(site.get("kind") == "functionapp,linux", "main: site kind is not functionapp,linux")
        expect(runtime == {"name": "dotnet-isolated", "version": "10.0"},
               f"main: functionAppConfig.runtime is {runtime}, want dotnet-isolated 10.0")
        storage = config.get("deployment", {}).get("storage", {})
        expect(storage.get("type") == "blobContainer" and "deployments" in json.dumps(sites[0][2]),
               "main: deployment package is not the 'deployments' blob container")
        expect(storage.get("authentication", {}).get("type") == "UserAssignedIdentity",
               "main: deployment storage does not authenticate with the user-assigned identity")
        expect(site.get("identity", {}).get("type") == "UserAssigned", "main: Function App has no user-assigned identity")
        expect(props.get("httpsOnly") is True, "main: httpsOnly is not true")
        expect("keyVaultReferenceIdentity" in props, "main: keyVaultReferenceIdentity is not set")
        service = sites[0][1]["parameters"].get("serviceName", {}).get("defaultValue")
        expect("'azd-service-name', parameters('serviceName')" in site.get("tags", "") and service == "api"
               and "serviceName" not in json.dumps(sites[0][2]["properties"]["parameters"]),
               "main: Function App lacks the tag azd-service-name: api")

    app_settings = by_type(template, "Microsoft.Web/sites/config")
    if expect(app_settings, "main: no appsettings resource"):
        resource, _, deployment = app_settings[0]
        settings_text = json.dumps(resource) + json.dumps(deployment)
        # Settings are passed into the module from main.bicep, so look in the caller too.
        main_text = json.dumps([r for r in resources_of(template) if r.get("name") == "function-app"])
        for name in APP_SETTINGS:
            expect(name in settings_text or name in main_text, f"main: app setting {name} is missing")
        expect("'AzureWebJobsStorage__credential', 'managedidentity'" in settings_text,
               "main: AzureWebJobsStorage__credential is not managedidentity")
        expect("AzureWebJobsStorage\"" not in settings_text, "main: AzureWebJobsStorage connection string is set")
        expect("Authorization=AAD" in settings_text, "main: APPLICATIONINSIGHTS_AUTHENTICATION_STRING is not Entra ID")
        expect(main_text.count("@Microsoft.KeyVault(SecretUri=") >= 2,
               "main: admin key and SMTP password are not Key Vault references")

    accounts = by_type(template, "Microsoft.Storage/storageAccounts")
    if expect(len(accounts) == 1, f"main: expected one storage account, found {len(accounts)}"):
        props = accounts[0][0]["properties"]
        expect(props.get("allowSharedKeyAccess") is False, "main: storage allowSharedKeyAccess is not false")
        expect(props.get("minimumTlsVersion") == "TLS1_2", "main: storage minimumTlsVersion is not TLS1_2")
        expect(props.get("allowBlobPublicAccess") is False, "main: storage allowBlobPublicAccess is not false")
        storage_call = json.dumps([r for r in resources_of(template) if r.get("name") == "storage"])
        for table in TABLES:
            expect(f'"{table}"' in storage_call, f"main: table {table} is not declared")
        for container in CONTAINERS:
            expect(f'"{container}"' in storage_call or f'"{container}"' in json.dumps(template.get("variables", {})), f"main: container {container} is not declared")
        expect(by_type(template, "Microsoft.Storage/storageAccounts/tableServices/tables"), "main: no tables resource")
        expect(by_type(template, "Microsoft.Storage/storageAccounts/blobServices/containers"), "main: no containers resource")

    expect(by_type(template, "Microsoft.ManagedIdentity/userAssignedIdentities"), "main: no user-assigned identity")
    roles_call = [r for r in resources_of(template) if r.get("name") == "role-assignments"]
    expect(roles_call and "outputs.principalId" in json.dumps(roles_call[0]["properties"]["parameters"]["principalId"]),
           "main: role assignments are not granted to the user-assigned identity")
    check_role_assignments(template, ROLES, "main")
    expect(all("copy" in r for r, _, _ in by_type(template, "Microsoft.Authorization/roleAssignments")),
           "main: role assignments are not declared in a loop")

    insights = by_type(template, "Microsoft.Insights/components")
    expect(insights and all(r["properties"].get("DisableLocalAuth") is True for r, _, _ in insights),
           "main: Application Insights DisableLocalAuth is not true")
    workspaces = by_type(template, "Microsoft.OperationalInsights/workspaces")
    expect(workspaces and all(r["properties"].get("features", {}).get("disableLocalAuth") is True for r, _, _ in workspaces),
           "main: Log Analytics disableLocalAuth is not true")

    vaults = by_type(template, "Microsoft.KeyVault/vaults")
    if expect(len(vaults) == 1, f"main: expected one Key Vault, found {len(vaults)}"):
        props = vaults[0][0]["properties"]
        expect(props.get("enableRbacAuthorization") is True, "main: Key Vault enableRbacAuthorization is not true")
        expect(props.get("enableSoftDelete") is True, "main: Key Vault soft delete is off")
        expect(props.get("enablePurgeProtection") is True, "main: Key Vault purge protection is off")
    expect(len(by_type(template, "Microsoft.KeyVault/vaults/secrets")) >= 2, "main: Key Vault secrets are missing")
    for name in ("adminApiKey", "smtpPassword"):
        expect(template["parameters"].get(name, {}).get("type") == "securestring", f"main: parameter {name} is not @secure()")

    expect("azd-env-name" in json.dumps(template.get("variables", {})), "main: azd-env-name tag is missing")
    api_url = template.get("outputs", {}).get("SERVICE_API_URI", {}).get("value", "")
    expect(api_url.startswith("[format('https://{0}/api'"), f"main: SERVICE_API_URI output is not https://<host>/api: {api_url}")


def parameter_value(name, template, deployment):
    """The value a module gets for parameter `name`: what its caller passes, else the module's default."""
    passed = (deployment or {}).get("properties", {}).get("parameters", {}).get(name, {})
    return passed.get("value", template.get("parameters", {}).get(name, {}).get("defaultValue"))


def resolved_duration(expression, template, deployment):
    """'PT5M', or format('PT{0}M', parameters('x')) with x resolved."""
    match = re.fullmatch(r"\[format\('PT\{0\}M', parameters\('([^']+)'\)\)\]", expression or "")
    return f"PT{parameter_value(match.group(1), template, deployment)}M" if match else expression


def check_watchdog_alerts(template):
    """Azure Monitor log alerts on the app's own metrics: no sweep in 5 minutes (fires on absence) and given-up deliveries."""
    rules = by_type(template, "Microsoft.Insights/scheduledQueryRules")
    expect(len(rules) == 2, f"main: expected two watchdog alert rules (scheduledQueryRules), found {len(rules)}")
    insights_calls = [r for r in resources_of(template) if r.get("name") == "monitoring"]
    component = insights_calls[0]["properties"]["parameters"]["applicationInsightsName"]["value"] if insights_calls else None
    expected = {
        "gapmonitor.sweep.completed": ("LessThan", 1, "PT5M"),
        "gapmonitor.notifications.given_up": ("GreaterThan", 0, "PT15M"),
    }
    seen = set()
    for rule, declared_in, deployment in rules:
        props = rule["properties"]
        name = rule["name"]
        criteria = props.get("criteria", {}).get("allOf", [])
        if not expect(len(criteria) == 1, f"main: alert rule {name} has {len(criteria)} criteria, want 1"):
            continue
        criterion = criteria[0]
        query = criterion.get("query", "")
        metric = next((m for m in expected if f'name == "{m}"' in query), None)
        if not expect(metric is not None, f"main: alert rule {name} queries none of {sorted(expected)}: {query}"):
            continue
        seen.add(metric)
        operator, threshold, window = expected[metric]
        expect(query.startswith("customMetrics"), f"main: alert rule {name} does not query customMetrics")
        expect(rule.get("kind") == "LogAlert" and props.get("enabled") is True, f"main: alert rule {name} is not an enabled LogAlert")
        expect(criterion.get("operator") == operator and criterion.get("threshold") == threshold,
               f"main: alert rule {name} fires on {criterion.get('operator')} {criterion.get('threshold')}, want {operator} {threshold}")
        column = criterion.get("metricMeasureColumn")
        expect(column and f"summarize {column} = " in query and criterion.get("timeAggregation") == "Total",
               f"main: alert rule {name} does not total the column its query summarizes")
        if metric == "gapmonitor.sweep.completed":
            # summarize ... count() with no 'by' returns one row even over no data: absence is 0 and fires.
            expect(re.search(r"summarize \w+ = count\(\)$", query) is not None,
                   f"main: alert rule {name} does not count into one row, so it would not fire when the metric is absent")
        window_size = resolved_duration(props.get("windowSize"), declared_in, deployment)
        expect(window_size == window, f"main: alert rule {name} window is {window_size}, want {window}")
        expect(props.get("evaluationFrequency") == "PT5M", f"main: alert rule {name} is not evaluated every 5 minutes")
        scopes = props.get("scopes", [])
        expect(len(scopes) == 1 and "Microsoft.Insights/components', parameters('applicationInsightsName')" in scopes[0]
               and parameter_value("applicationInsightsName", declared_in, deployment) == component,
               f"main: alert rule {name} is not scoped to the app's Application Insights component: {scopes}")
        groups = props.get("actions", {}).get("actionGroups", [])
        expect(len(groups) == 1 and "Microsoft.Insights/actionGroups" in groups[0],
               f"main: alert rule {name} notifies no action group")
    for metric in expected:
        expect(metric in seen, f"main: no alert rule on {metric}")
    groups = by_type(template, "Microsoft.Insights/actionGroups")
    if expect(len(groups) == 1, f"main: expected one action group, found {len(groups)}"):
        group, declared_in, deployment = groups[0]
        receivers = json.dumps(group["properties"].get("emailReceivers"))
        expect("parameters('alertEmail')" in receivers and parameter_value("alertEmail", declared_in, deployment) == "[parameters('alertEmail')]",
               "main: the action group does not email the alertEmail parameter")
    expect("alertEmail" in template.get("parameters", {}), "main: no alertEmail parameter")


def resolved(expression, template, deployment, main):
    """A module's value with parameters('x') taken from its caller and variables('x') / parameters('x') of main."""
    if not isinstance(expression, str) or not expression.startswith("["):
        return expression
    body = expression[1:-1]
    match = re.fullmatch(r"parameters\('([^']+)'\)", body)
    if match:
        value = parameter_value(match.group(1), template, deployment)
        return value if deployment is None else resolved(value, main, None, main)
    match = re.fullmatch(r"variables\('([^']+)'\)", body)
    if match:
        return resolved(template.get("variables", {}).get(match.group(1)), template, deployment, main)
    match = re.fullmatch(r"format\('([^']*)', (.+)\)", body)
    if match:
        return match.group(1).replace("{0}", str(resolved(f"[{match.group(2)}]", template, deployment, main)))
    match = re.fullmatch(r"max\((.+), (.+)\)", body)
    if match:
        return max(resolved(f"[{part}]", template, deployment, main) for part in match.groups())
    return expression


def check_lifecycle(template):
    """Raw pushed blobs are deleted by the storage account's lifecycle management policy, markers no sooner than data."""
    policies = by_type(template, "Microsoft.Storage/storageAccounts/managementPolicies")
    if not expect(len(policies) == 1, f"main: expected one lifecycle management policy, found {len(policies)}"):
        return
    policy, declared_in, deployment = policies[0]
    expect(policy["name"].endswith("'default')]"), f"main: the lifecycle policy is not named default: {policy['name']}")
    days = {}
    for rule in policy["properties"]["policy"]["rules"]:
        definition = rule.get("definition", {})
        prefixes = [resolved(p, declared_in, deployment, template) for p in definition.get("filters", {}).get("prefixMatch", [])]
        delete = definition.get("actions", {}).get("baseBlob", {}).get("delete", {})
        after = resolved(delete.get("daysAfterModificationGreaterThan"), declared_in, deployment, template)
        expect(rule.get("enabled") is True and rule.get("type") == "Lifecycle", f"main: lifecycle rule {rule.get('name')} is not an enabled Lifecycle rule")
        expect(definition.get("filters", {}).get("blobTypes") == ["blockBlob"], f"main: lifecycle rule {rule.get('name')} is not for block blobs")
        for prefix in prefixes:
            expect(prefix not in days, f"main: two lifecycle rules match {prefix}")
            days[prefix] = after
    for prefix, want in LIFECYCLE.items():
        expect(days.get(prefix) == want, f"main: lifecycle deletes {prefix} after {days.get(prefix)} days, want {want} by default")
    expect(set(days) == set(LIFECYCLE), f"main: lifecycle rules match {sorted(days)}, want only {sorted(LIFECYCLE)}")


def check_customer_access(template):
    check_role_assignments(template, CUSTOMER_ROLES, "customer-access")
    for assignment, _, _ in by_type(template, "Microsoft.Authorization/roleAssignments"):
        scope = assignment.get("scope", "")
        expect("blobServices/containers" in scope or "OperationalInsights/workspaces" in scope,
               f"customer-access: role assignment is broader than a container or workspace: {scope}")
    expect(not [r for r, _, _ in walk(template) if r["type"] != "Microsoft.Authorization/roleAssignments"
                and r["type"] != "Microsoft.Resources/deployments"],
           "customer-access: creates resources other than role assignments")


def main():
    with open(sys.argv[1]) as f:
        main_template = json.load(f)
    check_main(main_template)
    check_watchdog_alerts(main_template)
    check_lifecycle(main_template)
    with open(sys.argv[2]) as f:
        check_customer_access(json.load(f))
    for failure in failures:
        print(f"FAIL {failure}")
    if failures:
        return 1
    print("ARM checks passed: Flex Consumption (FC1) dotnet-isolated 10.0, storage without shared keys, "
          "user-assigned identity with its role assignments, Application Insights and Log Analytics "
          "without local auth, Key Vault in RBAC mode, customer read-only access, "
          "watchdog alert rules (no sweep in 5 minutes, notifications given up) on the app's component, "
          "lifecycle rules deleting pushed blobs (7 days) and batch markers (30 days)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
