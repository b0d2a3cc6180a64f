// Storage for GapMonitor's tables and blobs, the Functions host (AzureWebJobsStorage) and the
// Flex Consumption deployment package. Entra ID only: shared keys are off.

import { tagSet } from 'types.bicep'

@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the account.')
param tags tagSet

@description('Tables the application reads and writes.')
param tableNames string[]

@description('Blob containers the application uses, including the deployment package container.')
param containerNames string[]

@description('Container of pushed telemetry: data blobs under pushed/, batch-id markers under pushed-batches/.')
param pushedContainerName string

@description('Days after their last modification that pushed data blobs are deleted (the pull folds them within minutes).')
@minValue(1)
param pushedRetentionDays int

@description('Days after their last modification that batch-id markers are deleted; at least pushedRetentionDays.')
@minValue(1)
param pushedMarkerRetentionDays int

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource containers 'containers' = [
      for containerName in containerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  // Pushed batches are raw input: folded into the window state by the next pull, then only kept for a resend's dedup.
  // The trailing slash keeps the data rule off the markers ('pushed/' is not a prefix of 'pushed-batches/').
  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'delete-pushed-telemetry'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: ['blockBlob']
                prefixMatch: ['${pushedContainerName}/pushed/']
              }
              actions: {
                baseBlob: {
                  delete: {
                    daysAfterModificationGreaterThan: pushedRetentionDays
                  }
                }
              }
            }
          }
          {
            name: 'delete-pushed-batch-markers'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: ['blockBlob']
                prefixMatch: ['${pushedContainerName}/pushed-batches/']
              }
              actions: {
                baseBlob: {
                  delete: {
                    daysAfterModificationGreaterThan: max(pushedMarkerRetentionDays, pushedRetentionDays)
                  }
                }
              }
            }
          }
        ]
      }
    }
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource tables 'tables' = [
      for tableName in tableNames: {
        name: tableName
      }
    ]
  }
}

output id string = account.id
output name string = account.name
output blobServiceUri string = account.properties.primaryEndpoints.blob
output queueServiceUri string = account.properties.primaryEndpoints.queue
output tableServiceUri string = account.properties.primaryEndpoints.table
