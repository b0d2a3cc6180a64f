// Types shared by the modules.

@export()
@description('Resource tags: name to value.')
type tagSet = {
  *: string
}

@export()
@description('App settings: name (with __ for nesting) to value.')
type appSettingSet = {
  *: string
}
