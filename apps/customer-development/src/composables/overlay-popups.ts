// Element Plus's message and message box with their styles, in one module that useOverlay
// imports on first use, so neither weighs on the first render of the list.
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message/style/index'
import 'element-plus/es/components/message-box/style/index'

export { ElMessage, ElMessageBox }
