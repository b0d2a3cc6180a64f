// Part of customer-access.bicep: Log Analytics Reader on one workspace for the GapMonitor identity.

@description('Log Analytics workspace the identity may query.')
param workspaceName string

@description('Principal (object) id of the GapMonitor managed identity.')
param principalId string

var logAnalyticsReaderRoleId = '73c42c96-874c-492b-b04d-ab87d138a893'

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: workspaceName
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(workspace.id, principalId, logAnalyticsReaderRoleId)
  scope: workspace
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', logAnalyticsReaderRoleId)
    description: 'GapMonitor queries deployment and monitoring logs'
  }
}

@description('Workspace (customer) id to put in the system telemetry source as logAnalytics.workspaceId.')
output workspaceCustomerId string = workspace.properties.customerId
