// Watching the watchdog: Azure Monitor log alerts on the app's own metrics (OpenTelemetry, exported by the
// Function App to Application Insights as customMetrics; see docs/operations.md).
// Log alerts (scheduled query rules), not metric alerts: a metric alert does not evaluate when its metric is
// absent, and "no sweep completed" is exactly the absence of gapmonitor.sweep.completed. The queries always
// return one row, so an empty window is 0 sweeps, not "no data".

import { tagSet } from 'types.bicep'

@description('Application Insights component the Function App sends its metrics to.')
param applicationInsightsName string

@description('Azure region of the alert rules (the component\'s).')
param location string

@description('Tags for the action group and the rules.')
param tags tagSet

@description('Name prefix of the action group and the rules.')
param namePrefix string

@description('Address that gets the alerts by email; empty: the rules fire without notifying anyone.')
param alertEmail string = ''

@description('Minutes without a completed sweep before the watchdog alert fires (the sweep runs every minute by default).')
@allowed([5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440]) // the window sizes log alerts accept
param sweepSilenceMinutes int = 5

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'gapmonitor'
    enabled: true
    emailReceivers: empty(alertEmail)
      ? []
      : [
          {
            name: 'operator'
            emailAddress: alertEmail
            useCommonAlertSchema: true
          }
        ]
  }
}

resource noSweepCompleted 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-no-sweep'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'GapMonitor: no sweep completed in ${sweepSilenceMinutes} minutes'
    description: 'gapmonitor.sweep.completed did not grow for ${sweepSilenceMinutes} minutes: the sweep timer is not running or every sweep fails, so no alert of any monitored system is raised. See docs/operations.md.'
    severity: 1
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT${sweepSilenceMinutes}M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "gapmonitor.sweep.completed" and valueSum > 0 | summarize SweepsCompleted = count()'
          timeAggregation: 'Total'
          metricMeasureColumn: 'SweepsCompleted'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

resource deliveriesGivenUp 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-given-up'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'GapMonitor: notifications given up'
    description: 'gapmonitor.notifications.given_up grew: a notification was given up after its last attempt (a receiver refused it for good or stayed down for 24 h), so someone was not told about an alert. See docs/operations.md.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    // Longer than the frequency: a metric row ingested late is still in a later window.
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "gapmonitor.notifications.given_up" | summarize GivenUp = sum(valueSum) | extend GivenUp = coalesce(GivenUp, 0.0)'
          timeAggregation: 'Total'
          metricMeasureColumn: 'GivenUp'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

output actionGroupId string = actionGroup.id
