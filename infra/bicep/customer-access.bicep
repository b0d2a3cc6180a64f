// Deployed by the CUSTOMER, in their own subscription, at handover: lets the vendor's GapMonitor
// identity read the Azure ML model data collector container and query the Log Analytics
// workspace. Read-only, scoped to that one container and that one workspace.
//
//   az deployment group create --resource-group <rg of the storage account> \
//     --template-file customer-access.bicep \
//     --parameters monitorPrincipalId=<GAPMONITOR_IDENTITY_PRINCIPAL_ID> \
//                  storageAccountName=<account> containerName=<container> \
//                  logAnalyticsWorkspaceName=<workspace> logAnalyticsResourceGroupName=<its rg>
targetScope = 'resourceGroup'

@description('Principal (object) id of the vendor GapMonitor managed identity (azd output GAPMONITOR_IDENTITY_PRINCIPAL_ID).')
param monitorPrincipalId string

@description('Storage account (in this resource group) that the Azure ML data collector writes to.')
param storageAccountName string

@description('Blob container holding the collected inference data.')
param containerName string

@description('Log Analytics workspace holding deployment and monitoring logs.')
param logAnalyticsWorkspaceName string

@description('Resource group of the Log Analytics workspace; defaults to this one.')
param logAnalyticsResourceGroupName string = resourceGroup().name

var storageBlobDataReaderRoleId = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource container 'containers' existing = {
      name: containerName
    }
  }
}

resource containerReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount::blobService::container.id, monitorPrincipalId, storageBlobDataReaderRoleId)
  scope: storageAccount::blobService::container
  properties: {
    principalId: monitorPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataReaderRoleId)
    description: 'GapMonitor reads Azure ML data collector output'
  }
}

module workspaceReader 'modules/log-analytics-reader.bicep' = {
  name: 'gapmonitor-log-analytics-reader'
  scope: resourceGroup(logAnalyticsResourceGroupName)
  params: {
    workspaceName: logAnalyticsWorkspaceName
    principalId: monitorPrincipalId
  }
}

output containerRoleAssignmentId string = containerReader.id
output containerUri string = '${storageAccount.properties.primaryEndpoints.blob}${containerName}'
output logAnalyticsWorkspaceId string = workspaceReader.outputs.workspaceCustomerId
